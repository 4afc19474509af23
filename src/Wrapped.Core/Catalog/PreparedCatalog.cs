namespace Wrapped.Core.Catalog;

/// <param name="Tracks">In the order of tracks.csv.</param>
/// <param name="Artists">Every usable artists.csv row, first of each id, in file order.</param>
public sealed record PreparedCatalog(IReadOnlyList<CatalogTrack> Tracks, IReadOnlyList<CatalogArtist> Artists, PreparationReport Report);
