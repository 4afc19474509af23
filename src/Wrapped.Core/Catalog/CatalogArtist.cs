namespace Wrapped.Core.Catalog;

/// <summary>One artist as written to <c>catalog/artists.avro</c>.</summary>
public sealed record CatalogArtist(
    string Id,
    string Name,
    long? Followers,
    IReadOnlyList<string> Genres,
    int Popularity);
