using System.Runtime.CompilerServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Listening time and plays per track for one listener-year: an open-addressing map from track index to its totals,
/// one 16-byte slot per entry, at most half full. A listener-year holds a few hundred to a few thousand tracks, and
/// every play updates one entry: no boxing, no per-entry object, one cache line touched.
/// </summary>
internal sealed class TrackTallies
{
    private const int InitialCapacity = 64;

    private Slot[] _slots = NewSlots(InitialCapacity);

    /// <summary>Distinct tracks played.</summary>
    public int Count { get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int track, long listeningMs)
    {
        var slots = _slots;
        var mask = slots.Length - 1;
        var i = Hash(track) & mask;
        while (true)
        {
            ref var slot = ref slots[i];
            if (slot.Track == track)
            {
                slot.ListeningMs += listeningMs;
                slot.Plays++;
                return;
            }
            if (slot.Track == Slot.Empty)
            {
                slot = new Slot { Track = track, ListeningMs = listeningMs, Plays = 1 };
                if (++Count * 2 > slots.Length) Grow();
                return;
            }
            i = (i + 1) & mask;
        }
    }

    /// <summary>Starts loading the slot where <paramref name="track"/> is (or would be) counted.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(int track)
    {
        var slots = _slots;
        Simulation.Prefetcher.Line(ref slots[Hash(track) & (slots.Length - 1)]);
    }

    /// <summary>Calls <paramref name="visit"/> with every track's totals, in no particular order.</summary>
    public void ForEach<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, ITallyVisitor
    {
        foreach (var slot in _slots)
        {
            if (slot.Track != Slot.Empty) visit.Visit(slot.Track, slot.ListeningMs, slot.Plays);
        }
    }

    internal interface ITallyVisitor
    {
        void Visit(int track, long listeningMs, int plays);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(int track) => (int)((uint)track * 0x9E3779B1u >> 8);

    private void Grow()
    {
        var old = _slots;
        var slots = NewSlots(old.Length * 2);
        var mask = slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot.Track == Slot.Empty) continue;
            var i = Hash(slot.Track) & mask;
            while (slots[i].Track != Slot.Empty) i = (i + 1) & mask;
            slots[i] = slot;
        }
        _slots = slots;
    }

    private static Slot[] NewSlots(int capacity)
    {
        var slots = new Slot[capacity];
        slots.AsSpan().Fill(new Slot { Track = Slot.Empty });
        return slots;
    }

    private struct Slot
    {
        public const int Empty = -1;
        public int Track;
        public int Plays;
        public long ListeningMs;
    }
}
