using Wrapped.Core.Simulation;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// What a play's track is compared with for the commonality score: for each track, the share of the simulator's
/// candidates that are less popular than it (ties count half), when the candidates are drawn from its artist's tracks
/// or from the whole catalog, for either newness order (see <see cref="CandidateWeights"/>). Popularity enters only
/// through its rank among the catalog's distinct values, so the tables do not assume a 0–100 scale.
/// </summary>
internal sealed class CommonalityTables
{
    private readonly double[] _catalogByPopularityRank;
    private readonly double[] _artistByTrack;
    private readonly double[] _artistPosition;

    private CommonalityTables(SimulationCatalog catalog)
    {
        var values = Enumerable.Range(0, catalog.TrackCount).Select(catalog.Popularity).Distinct().Order().ToArray();
        PopularityRanks = values.Length;
        PopularityRank = new int[catalog.TrackCount];
        for (var t = 0; t < catalog.TrackCount; t++) PopularityRank[t] = Array.BinarySearch(values, catalog.Popularity(t));

        _catalogByPopularityRank = new double[2 * PopularityRanks];
        var everyTrack = Enumerable.Range(0, catalog.TrackCount).ToArray();
        BeatenShares(everyTrack, PopularityRank, PopularityRanks, _catalogByPopularityRank);

        _artistByTrack = new double[2 * catalog.TrackCount];
        _artistPosition = new double[catalog.TrackCount];
        CatalogTracks = catalog.TrackCount;
        for (var a = 0; a < catalog.ArtistCount; a++)
        {
            var tracks = catalog.ArtistTracks(a);
            ArtistShares(tracks, PopularityRank, _artistByTrack);
            for (var k = 0; k < tracks.Length; k++) _artistPosition[tracks[k]] = (k + 0.5) / tracks.Length;
        }
    }

    public static CommonalityTables Create(SimulationCatalog catalog) => new(catalog);

    /// <summary>The track's popularity as a rank among the catalog's distinct popularity values (0 = least popular).</summary>
    public int[] PopularityRank { get; }

    public int PopularityRanks { get; }

    /// <summary>Candidates drawn from the whole catalog: the share the track beats, by its popularity rank.</summary>
    public double Catalog(NewnessOrder order, int popularityRank) => _catalogByPopularityRank[(int)order * PopularityRanks + popularityRank];

    public int CatalogTracks { get; }

    /// <summary>Where the track sits among its artist's tracks, oldest first, as a share in (0, 1).</summary>
    public double ArtistPosition(int track) => _artistPosition[track];

    /// <summary>Where the track sits in the whole catalog, oldest first, as a share in (0, 1).</summary>
    public double CatalogPosition(int track) => (track + 0.5) / CatalogTracks;

    /// <summary>Candidates drawn from the track's own artist.</summary>
    public double Artist(NewnessOrder order, int track) => _artistByTrack[2 * track + (int)order];

    /// <summary>
    /// For a subset listed oldest first, the share of candidates each popularity rank beats, into
    /// <paramref name="byRank"/> (oldest-first order at [0, ranks), newest-first at [ranks, 2·ranks)).
    /// </summary>
    private static void BeatenShares(ReadOnlySpan<int> subsetOldestFirst, int[] popularityRank, int ranks, Span<double> byRank)
    {
        var size = subsetOldestFirst.Length;
        var ascending = new double[size];
        var descending = new double[size];
        new CandidateWeights(size).Fill(ascending, descending);
        var massAscending = byRank[..ranks];
        var massDescending = byRank[ranks..(2 * ranks)];
        massAscending.Clear();
        massDescending.Clear();
        for (var k = 0; k < size; k++)
        {
            var rank = popularityRank[subsetOldestFirst[k]];
            massAscending[rank] += ascending[k];
            massDescending[rank] += descending[k];
        }
        ToMidShares(massAscending);
        ToMidShares(massDescending);
    }

    /// <summary>Turns the candidate mass at each rank into the share of candidates below it plus half of those level with it.</summary>
    private static void ToMidShares(Span<double> massByRank)
    {
        double below = 0;
        for (var r = 0; r < massByRank.Length; r++)
        {
            var level = massByRank[r];
            massByRank[r] = below + level / 2;
            below += level;
        }
    }

    private static void ArtistShares(ReadOnlySpan<int> tracksOldestFirst, int[] popularityRank, double[] byTrack)
    {
        var size = tracksOldestFirst.Length;
        var ascending = new double[size];
        var descending = new double[size];
        new CandidateWeights(size).Fill(ascending, descending);
        // Sort the artist's positions by popularity, then sweep runs of equal popularity: O(n log n) per artist.
        var ranks = new int[size];
        for (var k = 0; k < size; k++) ranks[k] = popularityRank[tracksOldestFirst[k]];
        var order = Enumerable.Range(0, size).ToArray();
        Array.Sort(ranks.ToArray(), order);
        double belowAscending = 0, belowDescending = 0;
        for (var start = 0; start < size;)
        {
            var rank = popularityRank[tracksOldestFirst[order[start]]];
            var end = start;
            double levelAscending = 0, levelDescending = 0;
            for (; end < size && popularityRank[tracksOldestFirst[order[end]]] == rank; end++)
            {
                levelAscending += ascending[order[end]];
                levelDescending += descending[order[end]];
            }
            for (var i = start; i < end; i++)
            {
                var track = tracksOldestFirst[order[i]];
                byTrack[2 * track] = belowAscending + levelAscending / 2;
                byTrack[2 * track + 1] = belowDescending + levelDescending / 2;
            }
            belowAscending += levelAscending;
            belowDescending += levelDescending;
            start = end;
        }
    }
}

/// <summary>The order the simulator lays a subset out in before drawing an index: oldest first for T, newest first for N.</summary>
public enum NewnessOrder
{
    OldestFirst = 0,
    NewestFirst = 1,
}
