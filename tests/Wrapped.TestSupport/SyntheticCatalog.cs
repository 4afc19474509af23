using Wrapped.Core.Catalog;

namespace Wrapped.TestSupport;

/// <summary>Catalog tracks built in the test: varied popularity (0–100), durations 30 s–6 min, newness in [0, 1].</summary>
public static class SyntheticCatalog
{
    private static readonly AudioFeatures Features = new(0.5, 0.5, 5, -8, 1, 0.05, 0.3, 0, 0.1, 0.5, 120, 4);

    public static List<CatalogTrack> Tracks(int trackCount, int artistCount, int seed)
    {
        var random = new Random(seed);
        var tracks = new List<CatalogTrack>(trackCount);
        for (var i = 0; i < trackCount; i++)
        {
            // Every artist gets at least one track; the rest are spread unevenly, as in real catalogs.
            var artist = i < artistCount ? i : (int)(artistCount * Math.Pow(random.NextDouble(), 2));
            tracks.Add(Track(
                id: $"t{i:D6}",
                artistKey: $"a{artist:D5}",
                durationMs: random.Next(30_000, 360_001),
                popularity: random.Next(0, 101),
                newness: Math.Round(random.NextDouble(), 3)));
        }
        return tracks;
    }

    public static CatalogTrack Track(string id, string artistKey, int durationMs = 180_000, int popularity = 50, double newness = 0.5) =>
        new(id, "Song " + id, "Artist " + artistKey, artistKey, [artistKey], null, null, durationMs, popularity, false, null, Features, newness, 0, null, null);
}
