using System.Numerics;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The set of global newness ranks (= catalog track indexes) whose track belongs to an artist the user has heard, with the k-th
/// smallest found in O(log n): a Fenwick tree over 64-rank blocks plus one bit word per block.
/// </summary>
/// <remarks>
/// A Fenwick tree with one counter per rank would cost 4 bytes per catalog track per user; counting per
/// 64-rank block and selecting inside the block's word costs about 1/6 of a byte per track, so the states of
/// a whole batch of users fit in cache-friendly memory, and the descent is six levels shorter.
/// </remarks>
internal sealed class HeardTrackRanks
{
    private readonly ulong[] _words;
    private readonly int[] _tree;
    private readonly int _topStep;

    public HeardTrackRanks(int rankCount)
    {
        _words = new ulong[(rankCount + 63) >> 6];
        _tree = new int[_words.Length + 1];
        _topStep = _words.Length == 0 ? 0 : 1 << BitOperations.Log2((uint)_words.Length);
    }

    public int Count { get; private set; }

    public bool Contains(int rank) => (_words[rank >> 6] & (1UL << rank)) != 0;

    /// <summary>Adds a rank not yet in the set.</summary>
    public void Add(int rank)
    {
        _words[rank >> 6] |= 1UL << rank;
        for (var i = (rank >> 6) + 1; i < _tree.Length; i += i & -i)
        {
            _tree[i]++;
        }
        Count++;
    }

    /// <summary>The k-th smallest rank in the set, k from 0.</summary>
    public int Select(int k)
    {
        // Binary descent: find the last block whose preceding blocks hold at most k ranks.
        var block = 0;
        var remaining = k;
        for (var step = _topStep; step > 0; step >>= 1)
        {
            var next = block + step;
            if (next < _tree.Length && _tree[next] <= remaining)
            {
                block = next;
                remaining -= _tree[next];
            }
        }
        return (block << 6) + SelectBit(_words[block], remaining);
    }

    // Halving by popcount instead of PDEP: PDEP is microcoded (hundreds of cycles) on AMD before Zen 3.
    private static int SelectBit(ulong word, int k)
    {
        var position = 0;
        var count = BitOperations.PopCount((uint)word);
        if (k >= count)
        {
            k -= count;
            word >>= 32;
            position += 32;
        }
        count = BitOperations.PopCount((uint)word & 0xFFFF);
        if (k >= count)
        {
            k -= count;
            word >>= 16;
            position += 16;
        }
        count = BitOperations.PopCount((uint)word & 0xFF);
        if (k >= count)
        {
            k -= count;
            word >>= 8;
            position += 8;
        }
        for (; k > 0; k--)
        {
            word &= word - 1;
        }
        return position + BitOperations.TrailingZeroCount(word);
    }
}
