using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>What preparation read, dropped, joined and clustered; serialisable with System.Text.Json.</summary>
/// <param name="ReleaseDates">How tracks.csv's release dates were read (their day-month order) and how many could not be.</param>
/// <param name="Dropped">Every drop reason of every step, zero counts included, so the shape never changes.</param>
public sealed record PreparationReport(
    DateOnly ReferenceDate,
    CsvFileReport TracksFile,
    CsvFileReport ExtendedFile,
    CsvFileReport ArtistsFile,
    ReleaseDateReport ReleaseDates,
    IReadOnlyList<DroppedRows> Dropped,
    ArtistJoinCounts ArtistJoin,
    NewnessSummary Newness,
    ClusteringSummary Clustering,
    int TrackCount,
    int ArtistCount);
