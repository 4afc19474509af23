using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>What preparation read, dropped, joined and clustered; serialisable with System.Text.Json.</summary>
/// <param name="Dropped">Every drop reason of every step, zero counts included, so the shape never changes.</param>
public sealed record PreparationReport(
    DateOnly ReferenceDate,
    CsvFileReport TracksFile,
    CsvFileReport ExtendedFile,
    CsvFileReport ArtistsFile,
    IReadOnlyList<DroppedRows> Dropped,
    ArtistJoinCounts ArtistJoin,
    NewnessSummary Newness,
    ClusteringSummary Clustering,
    int TrackCount,
    int ArtistCount);
