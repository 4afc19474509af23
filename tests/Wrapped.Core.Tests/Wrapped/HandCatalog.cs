using System.Globalization;
using Wrapped.Core.Catalog;
using Wrapped.Core.Wrapped;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Wrapped;

/// <summary>A catalog small enough to work every statistic out by hand.</summary>
internal static class HandCatalog
{
    public static CatalogTrack Track(string id, string artist, int durationMs, int popularity, double newness, string? genre) =>
        SyntheticCatalog.Track(id, artist, durationMs, popularity, newness) with { Genre = genre, Name = "Song " + id, ArtistName = "Artist " + artist };

    /// <summary>a1: t1, t2 (rock); a2: t3 (pop); a3: t4 (no genre).</summary>
    public static IReadOnlyList<CatalogTrack> Rows { get; } =
    [
        Track("t1", "a1", 200_000, 10, 0.1, "rock"),
        Track("t2", "a1", 100_000, 90, 0.9, "rock"),
        Track("t3", "a2", 300_000, 50, 0.5, "pop"),
        Track("t4", "a3", 60_000, 70, 0.3, null),
    ];

    public static WrappedCatalog Hand { get; } = WrappedCatalog.Create(Rows);

    public static int Index(WrappedCatalog catalog, string trackId) => catalog.Tracks.TrackIndex(trackId);

    public static long Ms(string isoUtc) =>
        DateTimeOffset.Parse(isoUtc, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal).ToUnixTimeMilliseconds();
}
