using System.Runtime.CompilerServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Listening time and plays per track for one listener-year. A play is appended to a small log (track and listening
/// time in one word); when the log is full it is folded into the totals, an array of one entry per track played.
/// Each play writes next to the one before, where a hash map would touch a random line of a table too large for any
/// cache; a fold first streams the totals in, then adds the log to them. Memory: the totals (16 bytes a track
/// played) and the log.
/// </summary>
internal sealed class TrackTallies(TrackTallies.Pool pool)
{
    // Folds cost a pass over the totals; a few thousand plays between folds keep that pass rare.
    private const int LogCapacity = 4096;

    private ulong[] _log = new ulong[64];
    private int _logged;
    private Tally[] _totals = [];
    private int _count;
    private int _largestTrack;

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

    /// <summary>Calls <paramref name="visit"/> with every track's totals, in no particular order.</summary>
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
    /// Adds the log into the totals: the totals' positions are written into the thread's track-indexed scratch, each
    /// logged play then finds its track's entry there (or appends one), and the scratch is cleared again. The totals
    /// are in no particular order: what they feed (sums, and top lists ordered by time then id) does not depend on it.
    /// </summary>
    private void Fold()
    {
        if (_logged == 0) return;
        var log = _log.AsSpan(0, _logged);
        _logged = 0;
        foreach (var word in log) _largestTrack = Math.Max(_largestTrack, (int)(word >> 32));
        // Long enough for the totals' tracks too: an earlier fold may have run on another thread (the aggregation
        // moves between threads at each awaited file read), whose scratch grew where this thread's did not.
        var positions = Positions(_largestTrack + 1);
        for (var i = 0; i < _count; i++) positions[_totals[i].Track] = i + 1;
        foreach (var word in log)
        {
            var track = (int)(word >> 32);
            ref var position = ref positions[track];
            if (position == 0)
            {
                if (_count == _totals.Length) Grow();
                _totals[_count] = new Tally { Track = track };
                position = ++_count;
            }
            ref var tally = ref _totals[position - 1];
            tally.ListeningMs += (uint)word;
            tally.Plays++;
        }
        for (var i = 0; i < _count; i++) positions[_totals[i].Track] = 0;
    }

    private void Grow()
    {
        var larger = pool.Rent(Math.Max(64, _totals.Length * 2));
        _totals.AsSpan(0, _count).CopyTo(larger);
        pool.Return(_totals);
        _totals = larger;
    }

    // Each track's position in the totals being folded, plus one (0: not there); all zero between folds. Shared by
    // every listener of a thread, and as long as the largest track index seen.
    [ThreadStatic]
    private static int[]? s_positions;

    private static int[] Positions(int length)
    {
        if (s_positions is null || s_positions.Length < length) s_positions = new int[Math.Max(length, s_positions?.Length * 2 ?? 0)];
        return s_positions;
    }

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
