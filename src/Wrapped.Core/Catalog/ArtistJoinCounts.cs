namespace Wrapped.Core.Catalog;

/// <summary>How catalog tracks found their primary artist in artists.csv (step 5).</summary>
/// <param name="NotFound">Tracks kept with null followers and popularity because artists.csv lacks their artist.</param>
public sealed record ArtistJoinCounts(long MatchedById, long MatchedByName, long NotFound);
