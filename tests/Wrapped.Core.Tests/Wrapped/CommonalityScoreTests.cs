using Wrapped.Core.Catalog;
using Wrapped.Core.Wrapped;
using static Wrapped.Core.Tests.Wrapped.HandCatalog;

namespace Wrapped.Core.Tests.Wrapped;

/// <summary>
/// The commonality score against a plain restatement of its definition: every share summed position by position over
/// the subset, in a few lines and with none of the aggregator's tables.
/// </summary>
public sealed class CommonalityScoreTests
{
    private static readonly IReadOnlyList<CatalogTrack> Rows =
    [
        Track("tA1", "A", 180_000, 20, 0.10, "x"),
        Track("tA2", "A", 180_000, 80, 0.50, "x"),
        Track("tA3", "A", 180_000, 50, 0.90, "x"),
        Track("tB1", "B", 180_000, 60, 0.20, "x"),
        Track("tB2", "B", 180_000, 30, 0.70, "x"),
        Track("tC1", "C", 180_000, 40, 0.30, "x"),
        Track("tD1", "D", 180_000, 90, 0.60, "x"),
    ];

    [Fact]
    public void Commonality_PlaysFromEachSubset_IsTheMeanShareOfAlternativesBeatenInTheListenersNewnessOrder()
    {
        string[] plays = ["tA2", "tA3", "tB1", "tC1", "tA1", "tA1", "tB2", "tD1"];
        var catalog = WrappedCatalog.Create(Rows);
        using var aggregator = new WrappedAggregator(catalog);
        var at = Ms("2025-05-01T08:00:00Z");
        foreach (var id in plays) aggregator.Add(5, at += 60_000, catalog.Tracks.TrackIndex(id), 180_000);

        var summary = Assert.Single(aggregator.Summaries());

        Assert.Equal(Expected(plays), summary.Scores.Commonality, 6);
    }

    [Fact]
    public void Commonality_OnlyReplays_IsOneHalf()
    {
        var catalog = WrappedCatalog.Create(Rows);
        using var aggregator = new WrappedAggregator(catalog);
        aggregator.Add(5, Ms("2025-05-01T08:00:00Z"), catalog.Tracks.TrackIndex("tD1"), 1000);
        aggregator.Add(5, Ms("2025-05-01T08:01:00Z"), catalog.Tracks.TrackIndex("tD1"), 1000);

        var summary = Assert.Single(aggregator.Summaries());

        // The first play is compared with the whole catalog (tD1 is the most popular), the replay with nothing.
        var newestFirst = (4 + 0.5) / 7 > 0.5;
        Assert.Equal(Share(OldestFirst(Rows), newestFirst, "tD1"), summary.Scores.Commonality, 12);
    }

    /// <summary>The definition: which subset a play came from, the share it beats there, the order its plays show.</summary>
    private static double Expected(string[] plays)
    {
        var artistOf = Rows.ToDictionary(r => r.TrackId, r => r.ArtistKey);
        var heard = new HashSet<string>();
        string? previousTrack = null, previousArtist = null;
        var compared = new List<(List<CatalogTrack> Subset, string Track)>();
        var positions = new List<double>();
        foreach (var track in plays)
        {
            var artist = artistOf[track];
            if (track != previousTrack)
            {
                List<CatalogTrack> subset;
                if (artist == previousArtist)
                {
                    subset = OldestFirst(Rows.Where(r => r.ArtistKey == artist));
                    positions.Add((subset.FindIndex(r => r.TrackId == track) + 0.5) / subset.Count);
                }
                else if (!heard.Contains(artist))
                {
                    subset = OldestFirst(Rows);
                    positions.Add((subset.FindIndex(r => r.TrackId == track) + 0.5) / subset.Count);
                }
                else
                {
                    subset = OldestFirst(Rows.Where(r => heard.Contains(r.ArtistKey)));
                }
                compared.Add((subset, track));
            }
            heard.Add(artist);
            previousTrack = track;
            previousArtist = artist;
        }
        var newestFirst = positions.Average() > 0.5;
        return compared.Average(c => Share(c.Subset, newestFirst, c.Track));
    }

    private static List<CatalogTrack> OldestFirst(IEnumerable<CatalogTrack> rows) =>
        rows.OrderBy(r => r.NewnessScore).ThenBy(r => r.TrackId, StringComparer.Ordinal).ToList();

    /// <summary>Σ over the subset of P(candidate) for candidates less popular than the track, plus half for those level with it.</summary>
    private static double Share(List<CatalogTrack> subsetOldestFirst, bool newestFirst, string track)
    {
        var m = subsetOldestFirst.Count;
        var q = Math.Exp(-3.0 / m);
        var popularity = subsetOldestFirst.Single(r => r.TrackId == track).Popularity;
        double share = 0;
        for (var k = 0; k < m; k++)
        {
            var position = newestFirst ? m - 1 - k : k;
            var probability = position < m - 1 ? (1 - q) * Math.Pow(q, position) : Math.Pow(q, m - 1);
            var other = subsetOldestFirst[k].Popularity;
            share += other < popularity ? probability : other == popularity ? probability / 2 : 0;
        }
        return share;
    }
}
