namespace Wrapped.Core.Avro;

/// <summary>One user's Wrapped for one year, as written to <c>wrapped/part-*.avro</c> (the <c>WrappedSummary</c> schema).</summary>
/// <param name="Personality">The 4-letter code inferred from the events.</param>
/// <param name="GeneratedPersonality">The code the user was generated with, when known.</param>
public sealed record WrappedSummaryRecord(
    long UserId,
    int Year,
    double MinutesListened,
    long Plays,
    double SkipRate,
    int DistinctArtists,
    IReadOnlyList<string> TopTracks,
    IReadOnlyList<string> TopArtists,
    IReadOnlyList<string> TopGenres,
    string Personality,
    string? GeneratedPersonality,
    double FamiliarityShare,
    double MeanNewness,
    double RepeatShare,
    double MeanPopularity);
