using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>One parsed row of tracks.csv. Id, name and popularity may be missing: preparation drops such rows and counts them.</summary>
/// <param name="ArtistIds">The <c>id_artists</c> list, or null when the file has no such column.</param>
/// <param name="ReleaseDateText">The release date as written: its reading depends on the whole file (<see cref="ReleaseDateSurvey"/>).</param>
public sealed record TrackInputRow(
    long Line,
    string? Id,
    string? Name,
    int? Popularity,
    int DurationMs,
    bool Explicit,
    IReadOnlyList<string> Artists,
    IReadOnlyList<string>? ArtistIds,
    string? ReleaseDateText,
    AudioFeatures Features);
