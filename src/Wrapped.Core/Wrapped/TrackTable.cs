using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The catalog's tracks as the aggregation reads them: one 64-byte cache line per track holding its id exactly as an
/// event file stores it (an Avro string: zig-zag length, then UTF-8) and the <see cref="PlayFacts"/> a play needs, and
/// a hash table from an id's bytes to its track. Resolving a play's track and reading its facts touch one slot of the
/// table and one line: no string is built per event, and the line that confirms the id is the one the play reads next.
/// </summary>
/// <remarks>
/// The table is open addressing with linear probing, at most three quarters full; each slot holds 32 bits of the id's
/// hash beside the track, so a probe rarely reads a line it does not need. Ids longer than <see cref="InlineKeyBytes"/>
/// bytes (never a Spotify id, which is 22 characters) are compared with the catalog's copy instead of the inline one.
/// The lines live in a pinned array so that they can be aligned to cache lines.
/// </remarks>
internal sealed class TrackTable
{
    private const int EntryBytes = 64;
    private const int InlineKeyBytes = 28;

    private readonly SimulationCatalog _catalog;
    private readonly byte[] _entries;
    private readonly int _firstEntry;
    private readonly ulong[] _slots;
    private readonly int _mask;

    public TrackTable(SimulationCatalog catalog, Func<int, PlayFacts> factsOf)
    {
        _catalog = catalog;
        var count = catalog.TrackCount;
        _entries = GC.AllocateArray<byte>(count * EntryBytes + EntryBytes, pinned: true);
        unsafe
        {
            var address = (nint)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_entries));
            _firstEntry = (int)((EntryBytes - address % EntryBytes) % EntryBytes);
        }
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)(count + count / 3 + 1)));
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        for (var track = 0; track < count; track++)
        {
            var id = catalog.TrackIdAvro(track);
            ref var entry = ref Entry(track);
            entry.KeyLength = id.Length;
            if (id.Length <= InlineKeyBytes) id.CopyTo(entry.Key);
            entry.Facts = factsOf(track);
            var hash = Hash(id);
            var slot = (int)hash & _mask;
            while (_slots[slot] != 0) slot = (slot + 1) & _mask;
            _slots[slot] = (hash & 0xFFFF_FFFF_0000_0000UL) | (uint)(track + 1);
        }
    }

    /// <summary>The track whose id is <paramref name="avroString"/> (length prefix included), or −1 when the catalog has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> avroString)
    {
        var hash = Hash(avroString);
        var tag = hash & 0xFFFF_FFFF_0000_0000UL;
        var slot = (int)hash & _mask;
        while (true)
        {
            var value = _slots[slot];
            if (value == 0) return -1;
            if ((value & 0xFFFF_FFFF_0000_0000UL) == tag)
            {
                var track = (int)(uint)value - 1;
                if (KeyEquals(track, avroString)) return track;
            }
            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref readonly PlayFacts Facts(int track) => ref Entry(track).Facts;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool KeyEquals(int track, ReadOnlySpan<byte> avroString)
    {
        ref var entry = ref Entry(track);
        if (entry.KeyLength != avroString.Length) return false;
        return avroString.Length <= InlineKeyBytes
            ? avroString.SequenceEqual(((ReadOnlySpan<byte>)entry.Key)[..avroString.Length])
            : avroString.SequenceEqual(_catalog.TrackIdAvro(track));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref TrackEntry Entry(int track) =>
        ref Unsafe.As<byte, TrackEntry>(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_entries), _firstEntry + track * EntryBytes));

    /// <summary>
    /// Every byte counts: the bytes are taken eight at a time (the last word overlapping the one before), each word
    /// multiplied into the state, and the state finished with SplitMix64's mixer so that every bit of the result
    /// depends on all of them. Ids that differ only in their last characters (sequence numbers) spread evenly.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Hash(ReadOnlySpan<byte> bytes)
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
        public PlayFacts Facts;
    }

    [InlineArray(InlineKeyBytes)]
    private struct InlineKey
    {
        private byte _first;
    }
}
