using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Numerics;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The commonality comparison for a play drawn from the tracks of every artist the listener has heard: the share of
/// that subset's candidates each popularity rank beats, for either newness order. The subset only grows (a new artist
/// adds all its tracks), and rebuilding the shares costs a pass over it, so they are rebuilt only once the subset has
/// grown by half since the last build: between builds a play is compared with a smaller subset, which moves a
/// listener's score by far less than the gap between C and U listeners (the agreement is the same as with rebuilds at
/// a quarter's growth, which cost a tenth more time).
/// </summary>
internal sealed class HeardCommonality
{
    private const int GrowthBeforeRebuild = 2;

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
    /// The heard tracks' popularity ranks in newness order, then their candidate weights summed by rank for either
    /// order, then each rank's share of the candidates below it.
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
        var ranksInOrder = HeardRanks(size);
        var popularityRank = tables.PopularityRank;
        var n = 0;
        for (var w = 0; w < _tracks.Length; w++)
        {
            for (var bits = _tracks[w]; bits != 0; bits &= bits - 1) ranksInOrder[n++] = popularityRank[(w << 6) + BitOperations.TrailingZeroCount(bits)];
        }
        AddWeights(ranksInOrder[..size], new CandidateWeights(size), shares);
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

    /// <summary>
    /// Adds each position's weight to its rank, for both orders: position k of m weighs (1 − q)·q^k oldest first, and
    /// newest first it weighs what position m − 1 − k weighs oldest first; the last position of either order takes
    /// the tail. The weights come from products, not powers: two chains for each order, even and odd positions, each
    /// step a multiplication by q² (or 1/q²), so the chains' latency is shared between two positions.
    /// </summary>
    private static void AddWeights(ReadOnlySpan<int> ranks, CandidateWeights weights, Span<double> shares)
    {
        var size = ranks.Length;
        var tail = weights.At(size - 1);
        shares[2 * ranks[0] + 1] += tail;
        shares[2 * ranks[size - 1]] += tail;
        if (size == 1) return;
        shares[2 * ranks[0]] += weights.At(0);
        // Oldest first at positions 0 … m − 2 (the last took the tail); newest first at 1 … m − 1, where position k
        // weighs At(m − 1 − k).
        var ratio = weights.Ratio;
        var ratioSquared = ratio * ratio;
        var inverseSquared = 1 / ratioSquared;
        double oldestEven = weights.At(0), oldestOdd = oldestEven * ratio;
        double newestOdd = weights.At(size - 2), newestEven = newestOdd / ratio;
        // Position 0's oldest-first weight is added above: the loop starts at 1 for both orders.
        oldestEven *= ratioSquared;
        ref var share = ref MemoryMarshal.GetReference(shares);
        var k = 1;
        for (; k + 1 < size - 1; k += 2)
        {
            var (odd, even) = (ranks[k], ranks[k + 1]);
            Unsafe.Add(ref share, 2 * odd) += oldestOdd;
            Unsafe.Add(ref share, 2 * odd + 1) += newestOdd;
            Unsafe.Add(ref share, 2 * even) += oldestEven;
            Unsafe.Add(ref share, 2 * even + 1) += newestEven;
            oldestOdd *= ratioSquared;
            oldestEven *= ratioSquared;
            newestOdd *= inverseSquared;
            newestEven *= inverseSquared;
        }
        for (; k < size; k++)
        {
            var rank = ranks[k];
            if (k < size - 1) shares[2 * rank] += (k & 1) == 1 ? oldestOdd : oldestEven;
            shares[2 * rank + 1] += (k & 1) == 1 ? newestOdd : newestEven;
            if ((k & 1) == 1)
            {
                oldestOdd *= ratioSquared;
                newestOdd *= inverseSquared;
            }
            else
            {
                oldestEven *= ratioSquared;
                newestEven *= inverseSquared;
            }
        }
    }

    // The heard tracks' ranks in order, for a rebuild: one buffer per thread, as long as the largest heard subset.
    [ThreadStatic]
    private static int[]? s_ranks;

    private static Span<int> HeardRanks(int size)
    {
        if (s_ranks is null || s_ranks.Length < size) s_ranks = new int[Math.Max(size, 2 * (s_ranks?.Length ?? 512))];
        return s_ranks;
    }
}
