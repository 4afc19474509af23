using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The catalog's tracks as the aggregation reads them: a hash table from a track id, exactly as an event file stores it
/// (an Avro string: zig-zag length, then UTF-8), to a 32-byte entry holding that id and the track's index; and, by
/// track index, the 32 bytes of <see cref="PlayFacts"/> a play needs. Resolving a play's track touches one line of
/// the entries and one of a small array of control bytes; aggregating it, one line of the facts. The two are read
/// at different times (a play is resolved when decoded, aggregated later), so each phase has half the memory to
/// keep in cache that one table of both would need.
/// </summary>
/// <remarks>
/// The layout of a "Swiss table": one control byte per slot (empty, or 7 bits of the id's hash), scanned sixteen at a
/// time with one vector comparison, so a lookup reads only the slots whose bits match, nearly always just its own.
/// Slots are filled by linear probing, at most half full. Ids longer than <see cref="InlineKeyBytes"/> bytes
/// (never a Spotify id, which is 22 characters) are compared with the catalog's copy instead of the inline one. The
/// table lives in native memory aligned to cache lines and, where the system allows, in huge pages (<see cref="HugePageMemory"/>).
/// </remarks>
internal sealed class TrackTable
{
    /// <summary>What <see cref="Find(ReadOnlySpan{byte})"/> returns for an id the catalog lacks.</summary>
    public const int NotFound = -1;

    /// <summary>Ids up to this many bytes (Avro length included) are kept in the table's entries.</summary>
    public const int InlineKeyBytes = 24;

    private const int EntryBytes = 32;
    private const int FactsBytes = 32;
    private const int GroupWidth = 16;
    private const byte Empty = 0x80;

    private readonly SimulationCatalog _catalog;
    // The lines, then the control bytes, in one block of memory: see HugePageMemory.
    private readonly HugePageMemory _memory;
    private readonly unsafe byte* _entries;
    private readonly unsafe byte* _facts;
    private readonly unsafe byte* _control;
    private readonly int _controlLength;
    private readonly int _mask;

    public TrackTable(SimulationCatalog catalog, Func<int, PlayFacts> factsOf)
    {
        _catalog = catalog;
        var count = catalog.TrackCount;
        // At most half full: an id nearly always sits in its home slot or the next, the two lines a lookup prefetches.
        var capacity = (int)Math.Max(GroupWidth, BitOperations.RoundUpToPowerOf2((uint)(2 * count + 1)));
        _mask = capacity - 1;
        // The first group's bytes repeated after the last slot, so that a group read near the end needs no wrap.
        _controlLength = capacity + GroupWidth;
        _memory = new HugePageMemory((nuint)capacity * EntryBytes + (nuint)count * FactsBytes + (nuint)_controlLength);
        unsafe
        {
            _entries = _memory.Pointer;
            _facts = _entries + (nint)capacity * EntryBytes;
            _control = _facts + (nint)count * FactsBytes;
        }
        Control.Fill(Empty);
        for (var track = 0; track < count; track++)
        {
            var id = catalog.TrackIdAvro(track);
            var hash = Hash(id);
            var slot = (int)hash & _mask;
            while (Control[slot] != Empty) slot = (slot + 1) & _mask;
            SetControl(slot, Tag(hash));
            ref var entry = ref Entry(slot);
            entry.KeyLength = id.Length;
            entry.Track = track;
            if (id.Length <= InlineKeyBytes) id.CopyTo(entry.Key);
            FactsOf(track) = factsOf(track);
        }
    }

    /// <summary>The slot of the track whose id is <paramref name="avroString"/> (length prefix included), or <see cref="NotFound"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> avroString) => Find(Hash(avroString), avroString);

    /// <summary>Starts loading the control bytes and the line where an id of this <see cref="Hash"/> most likely is.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(ulong hash)
    {
        var slot = (int)hash & _mask;
        Prefetcher.Line(ref Control[slot]);
        Prefetcher.Line(ref Control[slot + GroupWidth - 1]);
        Prefetcher.Line(ref Entry(slot));
        // The next slot, in the next line when the home slot ends its line (the table is followed by the facts, so
        // the address is ours even after the last slot).
        Prefetcher.Line(ref Entry(slot + 1));
    }

    /// <summary><see cref="Find(ReadOnlySpan{byte})"/> with the id's <see cref="Hash"/> already computed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ulong hash, ReadOnlySpan<byte> avroString)
    {
        var tag = Vector128.Create(Tag(hash));
        var empty = Vector128.Create(Empty);
        ref var control = ref MemoryMarshal.GetReference(Control);
        var position = (int)hash & _mask;
        while (true)
        {
            var group = Vector128.LoadUnsafe(ref control, (nuint)position);
            for (var matches = Vector128.Equals(group, tag).ExtractMostSignificantBits(); matches != 0; matches &= matches - 1)
            {
                var slot = (position + BitOperations.TrailingZeroCount(matches)) & _mask;
                if (KeyEquals(slot, avroString)) return slot;
            }
            if (Vector128.EqualsAny(group, empty)) return NotFound;
            position = (position + GroupWidth) & _mask;
        }
    }

    /// <summary>The index of the track in <paramref name="slot"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int TrackAt(int slot) => Entry(slot).Track;

    /// <summary>The facts of track index <paramref name="track"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly PlayFacts Facts(int track) => ref FactsOf(track);

    /// <summary>Starts loading the facts of track index <paramref name="track"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void PrefetchFacts(int track) => Prefetcher.Line(ref FactsOf(track));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeyEquals(int slot, ReadOnlySpan<byte> avroString)
    {
        ref var entry = ref Entry(slot);
        if (entry.KeyLength != avroString.Length) return false;
        if (avroString.Length is >= 16 and <= InlineKeyBytes)
        {
            // A Spotify id (23 bytes with its length) in two overlapping 16-byte comparisons, without a call.
            ref var id = ref MemoryMarshal.GetReference(avroString);
            ref var key = ref Unsafe.As<InlineKey, byte>(ref entry.Key);
            var tail = (nuint)(avroString.Length - 16);
            return Vector128.LoadUnsafe(ref id) == Vector128.LoadUnsafe(ref key)
                && Vector128.LoadUnsafe(ref id, tail) == Vector128.LoadUnsafe(ref key, tail);
        }
        return avroString.Length <= InlineKeyBytes
            ? avroString.SequenceEqual(((ReadOnlySpan<byte>)entry.Key)[..avroString.Length])
            : avroString.SequenceEqual(_catalog.TrackIdAvro(entry.Track));
    }

    private void SetControl(int slot, byte tag)
    {
        Control[slot] = tag;
        if (slot < GroupWidth) Control[_mask + 1 + slot] = tag;
    }

    private unsafe Span<byte> Control
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => new(_control, _controlLength);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe ref TrackEntry Entry(int slot) => ref Unsafe.AsRef<TrackEntry>(_entries + (nint)slot * EntryBytes);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private unsafe ref PlayFacts FactsOf(int track) => ref Unsafe.AsRef<PlayFacts>(_facts + (nint)track * FactsBytes);

    /// <summary>Seven bits of the hash, other than those that chose the slot; never the empty marker.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte Tag(ulong hash) => (byte)(hash >> 57);

    /// <summary>
    /// Every byte counts: the bytes are taken eight at a time (the last word overlapping the one before), each word
    /// multiplied into the state, and the state finished with SplitMix64's mixer so that every bit of the result
    /// depends on all of them. Ids that differ only in their last characters (sequence numbers) spread evenly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Hash(ReadOnlySpan<byte> bytes)
    {
        var state = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        if (bytes.Length >= 8)
        {
            var i = 0;
            for (; i + 8 < bytes.Length; i += 8)
            {
                state = (state ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[i..])) * 0xFF51AFD7ED558CCDUL;
            }
            state = (state ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..])) * 0xFF51AFD7ED558CCDUL;
        }
        else
        {
            foreach (var b in bytes) state = (state ^ b) * 0xFF51AFD7ED558CCDUL;
        }
        state = (state ^ (state >> 30)) * 0xBF58476D1CE4E5B9UL;
        state = (state ^ (state >> 27)) * 0x94D049BB133111EBUL;
        return state ^ (state >> 31);
    }

    [StructLayout(LayoutKind.Sequential, Size = EntryBytes)]
    private struct TrackEntry
    {
        public InlineKey Key;
        public int KeyLength;
        public int Track;
    }

    [InlineArray(InlineKeyBytes)]
    private struct InlineKey
    {
        private byte _first;
    }
}
