using System.Runtime.CompilerServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Listening time and plays per track for one listener-year. A play is appended to a small log (track and listening
/// time in one word); when the log is full it is sorted and folded into the totals, an array sorted by track. Each
/// play writes next to the one before, where a hash map would touch a random line of a table too large for any
/// cache; the fold reads and writes the totals in order. Memory: the totals (16 bytes a track played) and the log.
/// </summary>
internal sealed class TrackTallies(TrackTallies.Pool pool)
{
    // Folds cost a pass over the totals; a few thousand plays between folds keep that pass rare.
    private const int LogCapacity = 2048;

    private ulong[] _log = new ulong[64];
    private int _logged;
    private Tally[] _totals = [];
    private int _count;

    /// <summary>Distinct tracks played.</summary>
    public int Count
    {
        get
        {
            Fold();
            return _count;
        }
    }

    /// <param name="listeningMs">Milliseconds listened, 0 to <see cref="uint.MaxValue"/> (the caller refuses others).</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(int track, long listeningMs)
    {
        if (_logged == _log.Length) MakeRoom();
        _log[_logged++] = ((ulong)(uint)track << 32) | (uint)listeningMs;
    }

    /// <summary>Calls <paramref name="visit"/> with every track's totals, in track order.</summary>
    public void ForEach<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, ITallyVisitor
    {
        Fold();
        foreach (ref readonly var tally in _totals.AsSpan(0, _count)) visit.Visit(tally.Track, tally.ListeningMs, tally.Plays);
    }

    internal interface ITallyVisitor
    {
        void Visit(int track, long listeningMs, int plays);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MakeRoom()
    {
        if (_log.Length < LogCapacity) Array.Resize(ref _log, _log.Length * 2);
        else Fold();
    }

    /// <summary>
    /// Sorts the log by track, adds the plays of tracks already counted in place, then merges the new tracks in from
    /// the back, growing the totals only when they run out of room.
    /// </summary>
    private void Fold()
    {
        if (_logged == 0) return;
        var log = SortByTrack(_log.AsSpan(0, _logged));
        _logged = 0;

        // Runs of the same track become one entry, at the front of the log's span of distinct tracks.
        var fresh = 0;
        var known = 0;
        for (var i = 0; i < log.Length;)
        {
            var track = (int)(log[i] >> 32);
            long listeningMs = 0;
            var plays = 0;
            for (; i < log.Length && (int)(log[i] >> 32) == track; i++)
            {
                listeningMs += (uint)log[i];
                plays++;
            }
            while (known < _count && _totals[known].Track < track) known++;
            if (known < _count && _totals[known].Track == track)
            {
                _totals[known].ListeningMs += listeningMs;
                _totals[known].Plays += plays;
            }
            else
            {
                Pending[fresh++] = new Tally { Track = track, ListeningMs = listeningMs, Plays = plays };
            }
        }
        if (fresh == 0) return;

        if (_count + fresh > _totals.Length)
        {
            var larger = pool.Rent(Math.Max(64, _count + fresh));
            _totals.AsSpan(0, _count).CopyTo(larger);
            pool.Return(_totals);
            _totals = larger;
        }
        var to = _count + fresh - 1;
        var from = _count - 1;
        for (var f = fresh - 1; f >= 0; f--)
        {
            while (from >= 0 && _totals[from].Track > Pending[f].Track) _totals[to--] = _totals[from--];
            _totals[to--] = Pending[f];
        }
        _count += fresh;
    }

    /// <summary>
    /// Sorts the log by track (the high half of each word) with a least-significant-digit radix sort, a byte of the
    /// track a pass, as many passes as the largest track needs (two for a catalog under 65,536 tracks); plays of one
    /// track keep their order. Returns the sorted words, in the log or in the thread's scratch.
    /// </summary>
    private static Span<ulong> SortByTrack(Span<ulong> log)
    {
        ulong largest = 0;
        foreach (var word in log) largest |= word;
        var passes = Math.Max(1, (32 - System.Numerics.BitOperations.LeadingZeroCount((uint)(largest >> 32)) + 7) / 8);
        var from = log;
        var to = Scratch.AsSpan(0, log.Length);
        Span<int> counts = stackalloc int[256];
        for (var pass = 0; pass < passes; pass++)
        {
            var shift = 32 + 8 * pass;
            counts.Clear();
            foreach (var word in from) counts[(int)(word >> shift) & 0xFF]++;
            var offset = 0;
            for (var digit = 0; digit < 256; digit++) (counts[digit], offset) = (offset, offset + counts[digit]);
            foreach (var word in from) to[counts[(int)(word >> shift) & 0xFF]++] = word;
            var swap = from;
            from = to;
            to = swap;
        }
        return from;
    }

    // The fold's scratch, shared by every listener of a thread: the radix sort's other buffer and the new tracks.
    [ThreadStatic]
    private static ulong[]? s_scratch;

    [ThreadStatic]
    private static Tally[]? s_pending;

    private static ulong[] Scratch => s_scratch ??= new ulong[LogCapacity];

    private static Tally[] Pending => s_pending ??= new Tally[LogCapacity];

    /// <summary>Gives the totals back to their pool; the tallies are empty afterwards.</summary>
    public void Release()
    {
        pool.Return(_totals);
        _totals = [];
        _count = 0;
        _logged = 0;
    }

    /// <summary>
    /// Totals arrays for listeners to grow into: an array outgrown by one listener, or left by a part already
    /// summarized, serves the next that needs its size, instead of waiting as garbage for a full collection (they are
    /// large-object-heap sizes, and a part of a year holds a hundred megabytes of them). <see cref="Shared"/> keeps
    /// what two parts of 1,250 listeners use at most: a worker summarizing part after part allocates them once.
    /// </summary>
    public sealed class Pool
    {
        public static Pool Shared { get; } = new();

        private readonly System.Buffers.ArrayPool<Tally> _arrays = System.Buffers.ArrayPool<Tally>.Create(1 << 24, 2500);

        public Tally[] Rent(int length) => _arrays.Rent(length);

        public void Return(Tally[] array)
        {
            if (array.Length > 0) _arrays.Return(array);
        }
    }

    internal struct Tally
    {
        public int Track;
        public int Plays;
        public long ListeningMs;
    }
}
