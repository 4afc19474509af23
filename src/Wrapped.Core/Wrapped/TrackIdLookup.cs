using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Finds a track's index from its id exactly as an event file holds it: an Avro string (zig-zag length, then UTF-8),
/// which is also how the catalog pre-encodes its ids. No string is built per event: the bytes are hashed where they lie
/// and compared with the catalog's encoded id.
/// </summary>
/// <remarks>
/// Open addressing with linear probing over a table at most half full. The hash mixes the first and last eight bytes
/// with the length: real ids (22 base-62 characters) and the synthetic ones differ there.
/// </remarks>
internal sealed class TrackIdLookup
{
    private const int Empty = -1;

    private readonly SimulationCatalog _catalog;
    private readonly int[] _slots;
    private readonly int _mask;

    private TrackIdLookup(SimulationCatalog catalog)
    {
        _catalog = catalog;
        var capacity = (int)Math.Max(16, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)catalog.TrackCount * 2));
        _slots = new int[capacity];
        _mask = capacity - 1;
        Array.Fill(_slots, Empty);
        for (var track = 0; track < catalog.TrackCount; track++)
        {
            var slot = (int)Hash(catalog.TrackIdAvro(track)) & _mask;
            while (_slots[slot] != Empty) slot = (slot + 1) & _mask;
            _slots[slot] = track;
        }
    }

    public static TrackIdLookup Create(SimulationCatalog catalog) => new(catalog);

    /// <summary>The index of the track whose encoded id is <paramref name="avroString"/>, or −1 when the catalog has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Find(ReadOnlySpan<byte> avroString)
    {
        var slot = (int)Hash(avroString) & _mask;
        while (true)
        {
            var track = _slots[slot];
            if (track == Empty || _catalog.TrackIdAvro(track).SequenceEqual(avroString)) return track;
            slot = (slot + 1) & _mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> bytes)
    {
        ulong mixed;
        if (bytes.Length >= 8)
        {
            var head = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
            var tail = BinaryPrimitives.ReadUInt64LittleEndian(bytes[^8..]);
            mixed = head * 0x9E3779B97F4A7C15UL ^ tail;
        }
        else
        {
            mixed = 0;
            foreach (var b in bytes) mixed = (mixed << 8) | b;
        }
        mixed ^= (ulong)bytes.Length;
        mixed *= 0xBF58476D1CE4E5B9UL;
        return (uint)(mixed >> 32);
    }
}
