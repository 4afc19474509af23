using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The set of global newness ranks (= catalog track indexes) whose track belongs to an artist the user has heard, with the k-th
/// smallest found in O(log n): a Fenwick tree over 64-rank blocks plus one bit word per block.
/// </summary>
/// <remarks>
/// A Fenwick tree with one counter per rank would cost 4 bytes per catalog track per user; counting per
/// 64-rank block and selecting inside the block's word costs about 1/6 of a byte per track, so the states of
/// a whole batch of users fit in cache-friendly memory, and the descent is six levels shorter.
/// <para>
/// <see cref="Select"/> is branch-free: k is random, so every data-dependent branch of a descent is a coin
/// flip the CPU mispredicts about half the time, and a dozen of them per select cost more than the arithmetic.
/// </para>
/// </remarks>
internal sealed class HeardTrackRanks
{
    // Padding after the real counters: never updated, so a descent can step past the end without a bounds
    // test and never stops there (no k reaches int.MaxValue).
    private const int Padding = int.MaxValue;

    private readonly ulong[] _words;
    private readonly int[] _tree;
    private readonly int _treeLength;
    private readonly int _topStep;

    public HeardTrackRanks(int rankCount)
    {
        _words = new ulong[(rankCount + 63) >> 6];
        _treeLength = _words.Length + 1;
        _topStep = _words.Length == 0 ? 0 : 1 << BitOperations.Log2((uint)_words.Length);
        // The descent reads indexes up to 2 × top step − 1.
        _tree = new int[Math.Max(_treeLength, 2 * _topStep)];
        _tree.AsSpan(_treeLength).Fill(Padding);
    }

    public int Count { get; private set; }

    public bool Contains(int rank) => (_words[rank >> 6] & (1UL << rank)) != 0;

    /// <summary>Adds a rank not yet in the set.</summary>
    public void Add(int rank)
    {
        _words[rank >> 6] |= 1UL << rank;
        var tree = _tree;
        for (var i = (rank >> 6) + 1; i < _treeLength; i += i & -i)
        {
            tree[i]++;
        }
        Count++;
    }

    /// <summary>The k-th smallest rank in the set, k from 0.</summary>
    public int Select(int k)
    {
        // Binary descent: find the last block whose preceding blocks hold at most k ranks.
        // Safe without bounds checks: block + step < 2 × top step ≤ _tree.Length, and the padding is never taken.
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_tree);
        var block = 0;
        var remaining = k;
        for (var step = _topStep; step > 0; step >>= 1)
        {
            var count = Unsafe.Add(ref tree, block + step);
            // All ones when count ≤ remaining; both are non-negative, so the difference cannot overflow.
            var take = ~((remaining - count) >> 31);
            block += step & take;
            remaining -= count & take;
        }
        return (block << 6) + SelectBit(_words[block], remaining);
    }

    // Halving by popcount instead of PDEP: PDEP is microcoded (hundreds of cycles) on AMD before Zen 3.
    // Masks instead of branches for the halvings, then a table for the last byte.
    /// <summary>The position of the k-th set bit of <paramref name="word"/>, k from 0 and below its population count.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int SelectBit(ulong word, int k)
    {
        var count = BitOperations.PopCount((uint)word);
        var high = (count - k - 1) >> 31;
        k -= count & high;
        var shift = 32 & high;
        word >>= shift;
        var position = shift;

        count = BitOperations.PopCount((uint)word & 0xFFFF);
        high = (count - k - 1) >> 31;
        k -= count & high;
        shift = 16 & high;
        word >>= shift;
        position += shift;

        count = BitOperations.PopCount((uint)word & 0xFF);
        high = (count - k - 1) >> 31;
        k -= count & high;
        shift = 8 & high;
        word >>= shift;
        position += shift;

        // k < 8 and the byte holds more than k set bits, so the index stays inside the 2,048-entry table.
        return position + Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(SelectInByte), ((int)word & 0xFF) << 3 | k);
    }

    /// <summary>[byte × 8 + k]: the position of the byte's k-th set bit (0 where it has no such bit).</summary>
    private static readonly byte[] SelectInByte = BuildSelectInByte();

    private static byte[] BuildSelectInByte()
    {
        var table = new byte[256 * 8];
        for (var b = 0; b < 256; b++)
        {
            var k = 0;
            for (var bit = 0; bit < 8; bit++)
            {
                if ((b & (1 << bit)) != 0)
                {
                    table[(b << 3) | k++] = (byte)bit;
                }
            }
        }
        return table;
    }
}
