using System.Numerics;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The commonality comparison for a play drawn from the tracks of every artist the listener has heard: the share of
/// that subset's candidates each popularity rank beats, for either newness order. The subset only grows (a new artist
/// adds all its tracks), and rebuilding the shares costs a pass over it, so they are rebuilt only once the subset has
/// grown by an eighth since the last build: between builds a play is compared with a slightly older subset.
/// </summary>
internal sealed class HeardCommonality
{
    private const int GrowthBeforeRebuild = 8;

    private readonly WrappedCatalog _catalog;
    private readonly ulong[] _tracks;
    private double[] _shares = [];
    private int _count;
    private int _builtCount;

    public HeardCommonality(WrappedCatalog catalog)
    {
        _catalog = catalog;
        _tracks = new ulong[(catalog.TrackCount + 63) >> 6];
    }

    /// <summary>Adds every track of <paramref name="artist"/>, newly heard.</summary>
    public void AddArtist(int artist)
    {
        foreach (var track in _catalog.Tracks.ArtistTracks(artist))
        {
            _tracks[track >> 6] |= 1UL << track;
        }
        _count += _catalog.Tracks.ArtistTracks(artist).Length;
    }

    /// <summary>The share of heard-subset candidates that <paramref name="popularityRank"/> beats, in <paramref name="order"/>.</summary>
    public double Share(NewnessOrder order, int popularityRank)
    {
        if (_builtCount == 0 || _count - _builtCount > _builtCount / GrowthBeforeRebuild) Rebuild();
        return _shares[(int)order * _catalog.Commonality.PopularityRanks + popularityRank];
    }

    private void Rebuild()
    {
        var tables = _catalog.Commonality;
        if (_shares.Length == 0) _shares = new double[2 * tables.PopularityRanks];
        var subset = new int[_count];
        var n = 0;
        for (var w = 0; w < _tracks.Length; w++)
        {
            for (var bits = _tracks[w]; bits != 0; bits &= bits - 1)
            {
                subset[n++] = (w << 6) + BitOperations.TrailingZeroCount(bits);
            }
        }
        CommonalityTables.BeatenShares(subset, tables.PopularityRank, tables.PopularityRanks, _shares);
        _builtCount = _count;
    }
}
