using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The set of global newness ranks (= catalog track indexes) whose track belongs to an artist the user has heard, with the k-th
/// smallest found quickly: one bit word per 64-rank block, a count of the ranks before each group of
/// <see cref="WordsPerGroup"/> words, and within a group a count of the ranks before each word.
/// </summary>
/// <remarks>
/// A counter per rank would cost 4 bytes per catalog track per user; bits, a 2-byte count per word and a counter per
/// 512-rank group cost about 1/6 of a byte per track, so the states of a whole batch of users fit in cache-friendly memory.
/// <para>
/// Up to <see cref="MaxFlatGroups"/> groups (32,768 ranks, the reference catalog's size) the counts are plain
/// prefix counts: a select compares k with all of them at once in vector registers, and an add increments
/// those after its group the same way. Both are a fixed sequence of independent operations. Beyond that a
/// Fenwick tree over the groups keeps them O(log n), each level a load that depends on the one before.
/// </para>
/// <para>
/// <see cref="Select"/> is branch-free: k is random, so every data-dependent branch is a coin flip the CPU
/// mispredicts about half the time. The word within the group is found by one comparison of its 8 counts
/// (16 adjacent bytes), where adding up the words' population counts one after another cost about 6 % of a
/// simulated event.
/// </para>
/// </remarks>
internal sealed class HeardTrackRanks
{
    private const int WordsPerGroupLog2 = 3;
    private const int WordsPerGroup = 1 << WordsPerGroupLog2;
    private const int RanksPerGroupLog2 = WordsPerGroupLog2 + 6;
    private const int MaxFlatGroups = 64;

    // Padding after the real counters: never updated, so a search can read past the end without a bounds
    // test and never stops there (no k reaches int.MaxValue).
    private const int Padding = int.MaxValue;

    // Whole groups, the last one padded with words that stay empty, so a scan needs no bounds test.
    private readonly ulong[] _words;
    private readonly int _groups;

    // [g × WordsPerGroup + j] = ranks in words 0 … j − 1 of group g: finds the word within a group in one comparison.
    private readonly ushort[] _ranksBeforeWord;

    // Flat: [g] = ranks in groups before g, padded to whole vectors. Otherwise a Fenwick tree over the groups.
    private readonly bool _flat;
    private readonly int[] _counts;
    private readonly int _topStep;

    public HeardTrackRanks(int rankCount)
    {
        _groups = (rankCount + (1 << RanksPerGroupLog2) - 1) >> RanksPerGroupLog2;
        _words = new ulong[_groups * WordsPerGroup];
        _ranksBeforeWord = new ushort[_groups * WordsPerGroup];
        _flat = _groups <= MaxFlatGroups;
        if (_flat)
        {
            _counts = new int[Math.Max(Vector256<int>.Count, (_groups + Vector256<int>.Count - 1) & -Vector256<int>.Count)];
            _counts.AsSpan(_groups).Fill(Padding);
        }
        else
        {
            _topStep = 1 << BitOperations.Log2((uint)_groups);
            // The descent reads indexes up to 2 × top step − 1.
            _counts = new int[Math.Max(_groups + 1, 2 * _topStep)];
            _counts.AsSpan(_groups + 1).Fill(Padding);
        }
    }

    public int Count { get; private set; }

    public bool Contains(int rank) => (_words[rank >> 6] & (1UL << rank)) != 0;

    /// <summary>Starts loading the set into the cache; see <see cref="UserListeningState.Prefetch"/>.</summary>
    public void Prefetch()
    {
        Prefetcher.Lines(_counts);
        Prefetcher.Lines(_ranksBeforeWord);
        Prefetcher.Lines(_words);
    }

    /// <summary>Adds a rank not yet in the set.</summary>
    public void Add(int rank)
    {
        _words[rank >> 6] |= 1UL << rank;
        var group = rank >> RanksPerGroupLog2;
        ref var before = ref _ranksBeforeWord[group << WordsPerGroupLog2];
        var wordInGroup = (ushort)((rank >> 6) & (WordsPerGroup - 1));
        // All ones (−1) for the words after this one in its group: subtracting adds one to each.
        var laterWord = Vector128.GreaterThan(Vector128<ushort>.Indices, Vector128.Create(wordInGroup));
        (Vector128.LoadUnsafe(ref before) - laterWord).StoreUnsafe(ref before);
        if (_flat)
        {
            // Every real group after this one, whole vectors at a time (the comparisons are all ones where true).
            var after = Vector256.Create(group);
            var end = Vector256.Create(_groups);
            ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
            for (var i = 0; i < _counts.Length; i += Vector256<int>.Count)
            {
                var index = Vector256.Create(i) + Vector256<int>.Indices;
                var increment = Vector256.GreaterThan(index, after) & Vector256.LessThan(index, end);
                (Vector256.LoadUnsafe(ref counts, (nuint)i) - increment).StoreUnsafe(ref counts, (nuint)i);
            }
        }
        else
        {
            var tree = _counts;
            for (var i = group + 1; i <= _groups; i += i & -i)
            {
                tree[i]++;
            }
        }
        Count++;
    }

    /// <summary>The k-th smallest rank in the set, k from 0.</summary>
    public int Select(int k)
    {
        var (group, remaining) = _flat ? FlatGroup(k) : TreeGroup(k);

        // The word is the last whose preceding ranks in the group are at most remaining: those counts only grow, and
        // word 0's is 0, so the words at most remaining are 0 … the one sought (empty words after it count more).
        ref var firstWord = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_words), group << WordsPerGroupLog2);
        ref var firstBefore = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_ranksBeforeWord), group << WordsPerGroupLog2);
        var atMost = Vector128.LessThanOrEqual(Vector128.LoadUnsafe(ref firstBefore), Vector128.Create((ushort)remaining));
        var index = BitOperations.PopCount(atMost.ExtractMostSignificantBits()) - 1;
        return (((group << WordsPerGroupLog2) + index) << 6) + SelectBit(Unsafe.Add(ref firstWord, index), remaining - Unsafe.Add(ref firstBefore, index));
    }

    /// <summary>The last group whose preceding groups hold at most k ranks, and k less those ranks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Group, int Remaining) FlatGroup(int k)
    {
        // The prefix counts only grow, and group 0's is 0 ≤ k: the groups at most k are 0 … the one sought.
        ref var counts = ref MemoryMarshal.GetArrayDataReference(_counts);
        var key = Vector256.Create(k);
        var atMost = 0;
        for (var i = 0; i < _counts.Length; i += Vector256<int>.Count)
        {
            atMost += BitOperations.PopCount(Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref counts, (nuint)i), key).ExtractMostSignificantBits());
        }
        var group = atMost - 1;
        return (group, k - Unsafe.Add(ref counts, group));
    }

    /// <summary>As <see cref="FlatGroup"/>, by binary descent of the Fenwick tree.</summary>
    private (int Group, int Remaining) TreeGroup(int k)
    {
        // Safe without bounds checks: group + step < 2 × top step ≤ _counts.Length, and the padding is never taken.
        ref var tree = ref MemoryMarshal.GetArrayDataReference(_counts);
        var group = 0;
        var remaining = k;
        for (var step = _topStep; step > 0; step >>= 1)
        {
            var count = Unsafe.Add(ref tree, group + step);
            // All ones when count ≤ remaining; both are non-negative, so the difference cannot overflow.
            var take = ~((remaining - count) >> 31);
            group += step & take;
            remaining -= count & take;
        }
        return (group, remaining);
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
