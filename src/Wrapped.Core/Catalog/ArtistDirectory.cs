namespace Wrapped.Core.Catalog;

/// <summary>The artists of artists.csv, first row of each id, looked up by id or, failing an id, by exact name.</summary>
internal sealed class ArtistDirectory
{
    private readonly List<CatalogArtist> _artists = [];
    private readonly Dictionary<string, CatalogArtist> _byId = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CatalogArtist> _byName = new(StringComparer.Ordinal);

    /// <summary>In artists.csv order.</summary>
    public IReadOnlyList<CatalogArtist> Artists => _artists;

    public long DuplicateId { get; private set; }

    public void Add(CatalogArtist artist)
    {
        if (!_byId.TryAdd(artist.Id, artist))
        {
            DuplicateId++;
            return;
        }

        _artists.Add(artist);
        _byName.TryAdd(artist.Name, artist);
    }

    public CatalogArtist? FindById(string id) => _byId.GetValueOrDefault(id);

    public CatalogArtist? FindByName(string name) => _byName.GetValueOrDefault(name);
}
