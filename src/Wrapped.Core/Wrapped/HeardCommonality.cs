using System.Numerics;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The commonality comparison for a play drawn from the tracks of every artist the listener has heard: the share of
/// that subset's candidates each popularity rank beats, for either newness order. The subset only grows (a new artist
/// adds all its tracks), and rebuilding the shares costs a pass over it, so they are rebuilt only once the subset has
/// grown by a quarter since the last build: between builds a play is compared with a slightly smaller subset, which
/// moves a listener's score by far less than the gap between C and U listeners.
/// </summary>
internal sealed class HeardCommonality
{
    private const int GrowthBeforeRebuild = 4;

    private readonly WrappedCatalog _catalog;
    private readonly ulong[] _tracks;
    // Single precision: a play's share moves a listener's mean by far less than its 7 digits, and both orders of a
    // popularity rank share a cache line with three other ranks.
    private float[] _shares = [];
    private int[] _pendingArtists = new int[16];
    private int _pendingCount;
    private int _count;
    private int _builtCount;

    public HeardCommonality(WrappedCatalog catalog)
    {
        _catalog = catalog;
        _tracks = new ulong[(catalog.TrackCount + 63) >> 6];
    }

    /// <summary>
    /// Adds every track of <paramref name="artist"/>, newly heard. Only counted now: the tracks join the set at the
    /// next rebuild, which reads the artists' track lists in one burst instead of one cold list per new artist.
    /// </summary>
    public void AddArtist(int artist)
    {
        if (_pendingCount == _pendingArtists.Length) Array.Resize(ref _pendingArtists, _pendingCount * 2);
        _pendingArtists[_pendingCount++] = artist;
        var offsets = _catalog.Tracks.ArtistTrackOffsets;
        _count += offsets[artist + 1] - offsets[artist];
    }

    /// <summary>The share of heard-subset candidates that <paramref name="popularityRank"/> beats, oldest first and newest first.</summary>
    public (double OldestFirst, double NewestFirst) Shares(int popularityRank)
    {
        if (_count - _builtCount > _builtCount / GrowthBeforeRebuild) Rebuild();
        // Both orders side by side: one cache line a play.
        return (_shares[2 * popularityRank], _shares[2 * popularityRank + 1]);
    }

    /// <summary>Starts loading the shares a coming play of <paramref name="popularityRank"/> will read.</summary>
    public void Prefetch(int popularityRank)
    {
        if (2 * popularityRank < _shares.Length) Simulation.Prefetcher.Line(ref _shares[2 * popularityRank]);
    }

    /// <summary>
    /// One pass over the heard tracks in newness order: position k of m has weight (1 − q)·q^k oldest first, and the
    /// mirror position newest first; each weight is the previous one times q (or 1/q), so no table is built.
    /// </summary>
    private void Rebuild()
    {
        var tables = _catalog.Commonality;
        var ranks = tables.PopularityRanks;
        // Popularity is 0–100 in real catalogs: a few hundred ranks at most fit the stack.
        var shares = ranks <= 256 ? stackalloc double[2 * ranks] : new double[2 * ranks];
        shares.Clear();
        foreach (var artist in _pendingArtists.AsSpan(0, _pendingCount))
        {
            foreach (var track in _catalog.Tracks.ArtistTracks(artist)) _tracks[track >> 6] |= 1UL << track;
        }
        _pendingCount = 0;
        var size = _count;
        var weights = new CandidateWeights(size);
        var ratio = weights.Ratio;
        var tail = weights.At(size - 1);
        // Oldest first, position k weighs (1 − q)·q^k; newest first, the track at k sits at m − 1 − k, whose weight
        // grows by 1/q as k goes up. The last position of either order takes the tail.
        var oldestFirst = weights.At(0);
        var newestFirst = size >= 2 ? weights.At(size - 2) : 0;
        var popularityRank = tables.PopularityRank;
        var k = 0;
        for (var w = 0; w < _tracks.Length; w++)
        {
            for (var bits = _tracks[w]; bits != 0; bits &= bits - 1, k++)
            {
                var rank = popularityRank[(w << 6) + BitOperations.TrailingZeroCount(bits)];
                shares[2 * rank] += k == size - 1 ? tail : oldestFirst;
                shares[2 * rank + 1] += k == 0 ? tail : newestFirst;
                oldestFirst *= ratio;
                if (k > 0) newestFirst /= ratio;
            }
        }
        if (_shares.Length == 0) _shares = new float[2 * ranks];
        double belowOldestFirst = 0, belowNewestFirst = 0;
        for (var rank = 0; rank < ranks; rank++)
        {
            var (levelOldestFirst, levelNewestFirst) = (shares[2 * rank], shares[2 * rank + 1]);
            _shares[2 * rank] = (float)(belowOldestFirst + levelOldestFirst / 2);
            _shares[2 * rank + 1] = (float)(belowNewestFirst + levelNewestFirst / 2);
            belowOldestFirst += levelOldestFirst;
            belowNewestFirst += levelNewestFirst;
        }
        _builtCount = _count;
    }
}
