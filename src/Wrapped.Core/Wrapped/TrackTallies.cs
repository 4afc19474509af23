using System.Runtime.CompilerServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Listening time and plays per track for one listener-year. A play is appended to a small log (track and listening
/// time in one word); when the log is full it is folded into the totals, one entry per track played. Each play writes
/// next to the one before, where a hash map would touch a random line of a table too large for any cache; a fold first
/// streams the totals in, then adds the log to them. Memory: the totals (16 bytes a track played, in blocks of
/// <see cref="BlockLength"/>) and the log.
/// </summary>
internal sealed class TrackTallies(TrackTallies.Pool pool)
{
    /// <summary>Totals per block: 8 KB. Fixed-size blocks are what lets a pool serve every listener-year alike.</summary>
    internal const int BlockLength = 512;
    private const int BlockShift = 9;
    private const int BlockMask = BlockLength - 1;

    // Folds cost a pass over the totals; a few thousand plays between folds keep that pass rare.
    private const int LogCapacity = 4096;

    // Small until it fills: a listener-year of a handful of plays (the edge of a time zone's year) keeps 512 bytes.
    private ulong[] _log = new ulong[64];
    private int _logged;
    private Tally[][] _blocks = [];
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
    /// <remarks>
    /// Inlined into its caller, visitor and all: left to itself, the runtime kept running the version it had moved
    /// to while a first long loop ran, with a call per track.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void ForEach<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, ITallyVisitor
    {
        Fold();
        for (var b = 0; b << BlockShift < _count; b++)
        {
            foreach (ref readonly var tally in Block(b)) visit.Visit(tally.Track, tally.ListeningMs, tally.Plays);
        }
    }

    internal interface ITallyVisitor
    {
        void Visit(int track, long listeningMs, int plays);
    }

    /// <summary>
    /// A listener-year of more than a few dozen plays takes a full log from the pool at once: a log grown by doubling
    /// left each listener-year's outgrown arrays, and at the end its last one, to the garbage collector, about 80 MB a
    /// part that lived long enough to reach the oldest generation.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MakeRoom()
    {
        if (_log.Length == LogCapacity)
        {
            Fold();
            return;
        }
        var log = pool.RentLog();
        _log.AsSpan(0, _logged).CopyTo(log);
        _log = log;
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
        var position = 0;
        for (var b = 0; b << BlockShift < _count; b++)
        {
            foreach (ref readonly var tally in Block(b)) positions[tally.Track] = ++position;
        }
        foreach (var word in log)
        {
            var track = (int)(word >> 32);
            ref var at = ref positions[track];
            if (at == 0)
            {
                if ((_count & BlockMask) == 0) AddBlock();
                // A pooled block holds whatever its last listener left: every field is written.
                _blocks[_count >> BlockShift][_count & BlockMask] = new Tally { Track = track };
                at = ++_count;
            }
            ref var entry = ref _blocks[(at - 1) >> BlockShift][(at - 1) & BlockMask];
            entry.ListeningMs += (uint)word;
            entry.Plays++;
        }
        for (var b = 0; b << BlockShift < _count; b++)
        {
            foreach (ref readonly var tally in Block(b)) positions[tally.Track] = 0;
        }
    }

    /// <summary>The filled entries of block <paramref name="b"/>.</summary>
    private Span<Tally> Block(int b) => _blocks[b].AsSpan(0, Math.Min(BlockLength, _count - (b << BlockShift)));

    private void AddBlock()
    {
        var blocks = _count >> BlockShift;
        if (blocks == _blocks.Length) Array.Resize(ref _blocks, Math.Max(4, 2 * blocks));
        _blocks[blocks] = pool.RentBlock();
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

    /// <summary>Gives the totals' blocks and the log back to their pool; the tallies are empty afterwards.</summary>
    public void Release()
    {
        for (var b = 0; b << BlockShift < _count; b++) pool.ReturnBlock(_blocks[b]);
        _blocks = [];
        _count = 0;
        if (_log.Length == LogCapacity) pool.ReturnLog(_log);
        _log = [];
        _logged = 0;
    }

    /// <summary>
    /// Blocks and logs for listeners to grow into: what one part's listeners gave back serves the next part, instead
    /// of waiting as garbage for a full collection (a part of a year holds about 70 MB of totals and 40 MB of logs).
    /// Blocks of one size waste at most one part-filled block per listener-year, where arrays grown by doubling left
    /// every outgrown size behind too. <see cref="Shared"/> keeps what two parts of 1,250 listeners use at most: a
    /// worker summarizing part after part allocates them once.
    /// </summary>
    public sealed class Pool
    {
        public static Pool Shared { get; } = new();

        private readonly System.Buffers.ArrayPool<Tally> _blocks = System.Buffers.ArrayPool<Tally>.Create(BlockLength, 20_000);
        private readonly System.Buffers.ArrayPool<ulong> _logs = System.Buffers.ArrayPool<ulong>.Create(LogCapacity, 2_500);

        /// <summary>A block of <see cref="BlockLength"/> totals, not cleared.</summary>
        public Tally[] RentBlock() => _blocks.Rent(BlockLength);

        public void ReturnBlock(Tally[] block) => _blocks.Return(block);

        /// <summary>A log of <see cref="LogCapacity"/> plays, not cleared.</summary>
        public ulong[] RentLog() => _logs.Rent(LogCapacity);

        public void ReturnLog(ulong[] log) => _logs.Return(log);
    }

    internal struct Tally
    {
        public int Track;
        public int Plays;
        public long ListeningMs;
    }
}
