namespace Wrapped.Core.Wrapped;

/// <summary>
/// Everything a play reads about its track, side by side in 32 bytes: the aggregation touches one cache line of the
/// catalog per play instead of one in each of five arrays.
/// </summary>
/// <param name="ArtistShareOldestFirst">The share of its artist's candidates the track beats in popularity, oldest first.</param>
/// <param name="ArtistPosition">Where the track sits among its artist's tracks, oldest first, in (0, 1).</param>
internal readonly record struct PlayFacts(
    int Artist,
    int DurationMs,
    double Newness,
    int PopularityRank,
    float ArtistShareOldestFirst,
    float ArtistShareNewestFirst,
    float ArtistPosition);
