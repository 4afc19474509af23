using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wrapped.Core.Avro;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Computes the Wrapped summaries of a group of listeners (a part of a run) from their plays, streaming: memory holds
/// each listener's running totals and a window of recent plays, never the whole run's events. Feed it a part's event
/// files day by day in date order (within a day, files and listeners in any order); a listener's plays must arrive in
/// time order, and one that goes back in time is refused, since the familiarity, loyalty and commonality scores follow
/// the order of plays.
/// </summary>
/// <remarks>
/// <para>
/// Plays are not aggregated as they are decoded but gathered in a window of several days' files and then aggregated
/// listener by listener: a day file holds a few dozen plays of each listener, and a listener's state (a few kilobytes
/// spread over a dozen objects and arrays) falls out of the caches between one day and the next. Taking a week of a
/// listener's plays in one go pays for loading that state once a week rather than once a day. Each listener still
/// sees its own plays in exactly the order they were added, so the summaries are the same whatever the window.
/// </para>
/// <para>
/// A file is taken whole or not at all: one that is refused (malformed, an unknown track, a play back in time) leaves
/// the aggregator as it was before it, unless it held more plays than the window (see <see cref="AddEventFile"/>).
/// One instance per thread. The summaries come out without letters: those need
/// the whole population's medians.
/// </para>
/// </remarks>
public sealed class WrappedAggregator : IDisposable
{
    // About six days of a default part (1,250 listeners): 16 bytes a play, 4 MiB. A window closes between files, or
    // within a file larger than it (see AddEventFile).
    internal const int DefaultWindowPlays = 1 << 18;

    // When plays are aggregated, the facts of the play this far ahead are loaded, and the listener's state it will
    // touch half as far ahead (which reads those facts).
    private const int FactsDistance = 16;
    private const int StateDistance = 8;

    private const int NoListener = -1;

    private readonly WrappedCatalog _catalog;
    private readonly TrackTable _table;
    private readonly Func<long, ListenerClock> _clockOf;
    private readonly Dictionary<long, Listener> _listeners = [];
    private readonly List<Listener> _listenerAt = [];
    // What taking a play reads of its listener, by listener index, in arrays small enough to stay in cache (the
    // listeners' objects do not): user id, the time of the last play taken, and the listener taken after this one
    // last time, which is nearly always the next one again (a day file lists the same users in the same order).
    private long[] _userIdAt = new long[64];
    private long[] _takenUntilMs = new long[64];
    private int[] _successorOf = new int[64];
    private int _current = NoListener;
    private long _currentUserId;
    private readonly EventFileDecoder _decoder = new();
    private readonly TrackTallies.Pool _tallies = TrackTallies.Pool.Shared;
    private readonly int _windowPlays;
    private readonly ulong[] _batchHashes = new ulong[EventFileDecoder.BatchSize];
    private readonly int[] _batchTracks = new int[EventFileDecoder.BatchSize];
    private WindowPlay[] _window;
    private int _windowed;
    private Run[] _runs = new Run[4096];
    private int _runCount;
    // Where the window stood before the file being taken; whether that file's plays have been aggregated already (a
    // file larger than the window) so that it can no longer be undone; whether one such file was then refused.
    private (int Windowed, int Runs) _mark;
    private bool _fileSpilled;
    private string? _broken;
    private bool _disposed;

    /// <param name="clockOf">Each listener's clock; UTC for everyone when null.</param>
    public WrappedAggregator(WrappedCatalog catalog, Func<long, ListenerClock>? clockOf = null)
        : this(catalog, clockOf, DefaultWindowPlays)
    {
    }

    /// <param name="windowPlays">Plays gathered before they are aggregated (tests vary it: the summaries must not change).</param>
    internal WrappedAggregator(WrappedCatalog catalog, Func<long, ListenerClock>? clockOf, int windowPlays)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentOutOfRangeException.ThrowIfLessThan(windowPlays, 1);
        _windowPlays = windowPlays;
        // Grown as plays come, up to the window: a small part never holds the whole 4 MiB.
        _window = new WindowPlay[Math.Min(windowPlays, 4096)];
        _catalog = catalog;
        _table = catalog.Table;
        _clockOf = clockOf ?? (_ => ListenerClock.Utc);
    }

    /// <summary>Plays added so far.</summary>
    public long Plays { get; private set; }

    /// <summary>Adds one play of catalog track index <paramref name="track"/>.</summary>
    /// <exception cref="InvalidDataException">The play is earlier than one already added for the same listener.</exception>
    public void Add(long userId, long timestampMs, int track, long listeningMs)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(track);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(track, _catalog.TrackCount);
        ThrowIfUnusable();
        Mark();
        try
        {
            Take(userId, timestampMs, listeningMs, path: null).Track = track;
        }
        catch
        {
            RollBack();
            throw;
        }
        _current = NoListener;
        Plays++;
    }

    /// <summary>Adds every play of an events file (the bytes of a whole <c>events/date=…/part-*.avro</c>); returns how many.</summary>
    /// <exception cref="InvalidDataException">
    /// The file is malformed, names a track the catalog lacks, or goes back in time; none of its plays is added. A file
    /// of more plays than the window (a day file of a part of more than about 7,000 listeners) is aggregated as it is
    /// read, so that memory stays bounded: when such a file is refused, the aggregator cannot be used any more
    /// (<see cref="InvalidOperationException"/>).
    /// </exception>
    public long AddEventFile(ReadOnlyMemory<byte> file, string path)
    {
        ThrowIfUnusable();
        Mark();
        var visitor = new PlayVisitor(this, path);
        long plays;
        try
        {
            plays = _decoder.DecodeBatches(file, path, ref visitor);
        }
        catch (Exception e) when (_fileSpilled)
        {
            _broken = $"{path} was refused after part of it had been aggregated ({e.Message})";
            throw;
        }
        catch
        {
            RollBack();
            throw;
        }
        _current = NoListener;
        Plays += plays;
        return plays;
    }

    /// <summary>Every listener's summaries, by user id then year, without letters.</summary>
    /// <param name="generatedPersonality">The code each user was generated with, when known.</param>
    public List<WrappedSummaryRecord> Summaries(Func<long, string?>? generatedPersonality = null)
    {
        ThrowIfUnusable();
        AggregateWindow();
        var builder = new SummaryBuilder(_catalog);
        var summaries = new List<WrappedSummaryRecord>(_listeners.Count);
        foreach (var listener in _listeners.Values.OrderBy(l => l.UserId))
        {
            var generated = generatedPersonality?.Invoke(listener.UserId);
            foreach (var year in listener.Years.OrderBy(y => y.Year))
            {
                summaries.Add(builder.Build(listener.UserId, listener.Clock, year, generated));
            }
        }
        return summaries;
    }

    /// <summary>Gives the listeners' per-track totals back to the shared pool, for the next part; the summaries must be taken first.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _decoder.Dispose();
        foreach (var listener in _listeners.Values)
        {
            foreach (var year in listener.Years) year.Tracks.Release();
        }
        _listeners.Clear();
        _listenerAt.Clear();
    }

    /// <summary>
    /// Appends a play to the window, checked against the listener's previous play; its track is the caller's to fill.
    /// A full window is aggregated first (<see cref="MakeRoom"/>), the one place that decides when. Consecutive plays
    /// of one listener form a run, which is what <see cref="AggregateWindow"/> groups.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ref WindowPlay Take(long userId, long timestampMs, long listeningMs, string? path)
    {
        if (_windowed == _window.Length) MakeRoom(path);
        if (_current == NoListener || _currentUserId != userId) StartRun(userId, _windowed);
        ref var takenUntilMs = ref _takenUntilMs[_current];
        CheckPlay(userId, timestampMs, takenUntilMs, listeningMs, path);
        takenUntilMs = timestampMs;
        ref var play = ref _window[_windowed++];
        play.TimestampMs = timestampMs;
        play.ListeningMs = (uint)listeningMs;
        return ref play;
    }

    /// <summary>
    /// Grows the window up to its size, then aggregates it when full: usually at the first play of the next file (the
    /// rollback mark moves to the emptied window), or within a file larger than the window, whose plays taken so far
    /// go with it rather than letting one file hold any number of plays in memory.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void MakeRoom(string? path)
    {
        if (_window.Length < _windowPlays)
        {
            Array.Resize(ref _window, Math.Min(_windowPlays, 2 * _window.Length));
            return;
        }
        _fileSpilled |= _windowed > _mark.Windowed;
        AggregateWindow();
        _mark = (0, 0);
    }

    /// <summary>Starts a run of <paramref name="userId"/>'s plays at window position <paramref name="start"/>.</summary>
    private void StartRun(long userId, int start)
    {
        var previous = _current;
        var listener = previous == NoListener ? NoListener : _successorOf[previous];
        if (listener == NoListener || _userIdAt[listener] != userId) listener = IndexOf(userId);
        if (previous != NoListener) _successorOf[previous] = listener;
        if (_runCount == _runs.Length) Array.Resize(ref _runs, _runs.Length * 2);
        _runs[_runCount++] = new Run(listener, start, _takenUntilMs[listener]);
        _current = listener;
        _currentUserId = userId;
    }

    private int IndexOf(long userId)
    {
        if (_listeners.TryGetValue(userId, out var known)) return known.Index;
        var index = _listenerAt.Count;
        var listener = new Listener(userId, index, _catalog, _clockOf(userId), _tallies);
        _listeners.Add(userId, listener);
        _listenerAt.Add(listener);
        if (index == _userIdAt.Length)
        {
            Array.Resize(ref _userIdAt, index * 2);
            Array.Resize(ref _takenUntilMs, index * 2);
            Array.Resize(ref _successorOf, index * 2);
        }
        _userIdAt[index] = userId;
        _takenUntilMs[index] = long.MinValue;
        _successorOf[index] = NoListener;
        return index;
    }

    /// <summary>
    /// Takes a batch of plays: first the line of each one's track id is asked for, then each is looked up, by when
    /// the first lines have arrived, then the plays are taken.
    /// </summary>
    // Not inlined into the decoder's record loop, whose registers it would take; its scratch is the instance's rather
    // than the stack's, so that the runtime compiles it in tiers, with what its first runs measured.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void TakeBatch(ReadOnlySpan<DecodedEvent> events, ReadOnlySpan<byte> block, string path)
    {
        var hashes = _batchHashes.AsSpan();
        for (var i = 0; i < events.Length; i++)
        {
            var hash = TrackTable.Hash(block.Slice(events[i].TrackIdStart, events[i].TrackIdLength));
            _table.Prefetch(hash);
            hashes[i] = hash;
        }
        var tracks = _batchTracks.AsSpan();
        for (var i = 0; i < events.Length; i++)
        {
            var trackId = block.Slice(events[i].TrackIdStart, events[i].TrackIdLength);
            var slot = _table.Find(hashes[i], trackId);
            if (slot == TrackTable.NotFound) ThrowUnknownTrack(events[i].UserId, trackId, path);
            tracks[i] = _table.TrackAt(slot);
        }
        if (_window.Length - _windowed < events.Length || _current == NoListener)
        {
            for (var i = 0; i < events.Length; i++) Take(events[i].UserId, events[i].TimestampMs, events[i].ListeningMs, path).Track = tracks[i];
            return;
        }
        TakeWithinWindow(events, tracks, path);
    }

    /// <summary>
    /// <see cref="Take"/> for a batch that fits in the window, continuing a run: the run's listener and last play are
    /// kept in registers while its plays follow one another, and written back when it ends.
    /// </summary>
    private void TakeWithinWindow(ReadOnlySpan<DecodedEvent> events, ReadOnlySpan<int> tracks, string path)
    {
        var window = _window.AsSpan(_windowed, events.Length);
        var userId = _currentUserId;
        var takenUntilMs = _takenUntilMs[_current];
        for (var i = 0; i < events.Length; i++)
        {
            ref readonly var play = ref events[i];
            if (play.UserId != userId)
            {
                _takenUntilMs[_current] = takenUntilMs;
                StartRun(play.UserId, _windowed + i);
                userId = play.UserId;
                takenUntilMs = _takenUntilMs[_current];
            }
            CheckPlay(userId, play.TimestampMs, takenUntilMs, play.ListeningMs, path);
            takenUntilMs = play.TimestampMs;
            window[i] = new WindowPlay { TimestampMs = play.TimestampMs, Track = tracks[i], ListeningMs = (uint)play.ListeningMs };
        }
        _takenUntilMs[_current] = takenUntilMs;
        _windowed += events.Length;
    }

    /// <summary>Notes where the window stands before a file: what <see cref="RollBack"/> returns to. A file's plays start a run of their own.</summary>
    private void Mark()
    {
        _current = NoListener;
        _mark = (_windowed, _runCount);
        _fileSpilled = false;
    }

    /// <summary>Forgets what was taken since the mark: the plays, their runs, and each listener's last play before them.</summary>
    private void RollBack()
    {
        for (var r = _runCount - 1; r >= _mark.Runs; r--) _takenUntilMs[_runs[r].Listener] = _runs[r].TakenBeforeMs;
        _windowed = _mark.Windowed;
        _runCount = _mark.Runs;
        _current = NoListener;
    }

    private void ThrowIfUnusable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_broken is not null) throw new InvalidOperationException($"These summaries are incomplete: {_broken}. Start the part again.");
    }

    /// <summary>Aggregates the window's plays listener by listener, each listener's runs in the order they were taken, and empties it.</summary>
    private void AggregateWindow()
    {
        if (_runCount == 0) return;
        // A stable counting sort of the runs by listener: a listener's runs keep their order.
        var listeners = _listenerAt.Count;
        var firstRun = new int[listeners + 1];
        foreach (ref readonly var run in _runs.AsSpan(0, _runCount)) firstRun[run.Listener + 1]++;
        for (var l = 0; l < listeners; l++) firstRun[l + 1] += firstRun[l];
        var next = firstRun.AsSpan(0, listeners).ToArray();
        var order = new int[_runCount];
        for (var r = 0; r < _runCount; r++) order[next[_runs[r].Listener]++] = r;

        var window = _window.AsSpan(0, _windowed);
        for (var l = 0; l < listeners; l++)
        {
            var listener = _listenerAt[l];
            for (var o = firstRun[l]; o < firstRun[l + 1]; o++)
            {
                var r = order[o];
                var end = r + 1 < _runCount ? _runs[r + 1].Start : _windowed;
                AggregateRun(listener, window[_runs[r].Start..end]);
            }
        }
        _windowed = 0;
        _runCount = 0;
        _current = NoListener;
    }

    private void AggregateRun(Listener listener, ReadOnlySpan<WindowPlay> plays)
    {
        for (var i = 0; i < Math.Min(FactsDistance, plays.Length); i++) _table.PrefetchFacts(plays[i].Track);
        for (var i = 0; i < plays.Length; i++)
        {
            if (i + FactsDistance < plays.Length) _table.PrefetchFacts(plays[i + FactsDistance].Track);
            if (i + StateDistance < plays.Length) listener.Prefetch(in _table.Facts(plays[i + StateDistance].Track));
            ref readonly var play = ref plays[i];
            listener.Add(play.TimestampMs, play.Track, in _table.Facts(play.Track), play.ListeningMs);
        }
    }

    /// <summary>A play waiting in the window: 16 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Pack = 4)]
    private struct WindowPlay
    {
        public long TimestampMs;
        public int Track;
        public uint ListeningMs;
    }

    /// <summary>Consecutive plays of one listener in the window, and the listener's last play before them (to roll back to).</summary>
    /// <remarks>A run ends where the next one starts, the last where the window ends.</remarks>
    private record struct Run(int Listener, int Start, long TakenBeforeMs);

    /// <summary>Refuses a play earlier than its listener's last one taken, or with a listening time a window play cannot hold.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CheckPlay(long userId, long timestampMs, long takenUntilMs, long listeningMs, string? path)
    {
        if (timestampMs < takenUntilMs) ThrowOutOfOrder(userId, timestampMs, takenUntilMs, path);
        if ((ulong)listeningMs > uint.MaxValue) ThrowImpossibleListening(userId, listeningMs, path);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowImpossibleListening(long userId, long listeningMs, string? path) =>
        throw new InvalidDataException($"{path ?? "A play"}: user {userId} has a play of {listeningMs} ms; a listening time is 0 to {uint.MaxValue} ms.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfOrder(long userId, long timestampMs, long lastMs, string? path) =>
        throw new InvalidDataException(
            $"{path ?? "A play"}: user {userId} has a play at {DateTimeOffset.FromUnixTimeMilliseconds(timestampMs):O} after one at "
            + $"{DateTimeOffset.FromUnixTimeMilliseconds(lastMs):O}: a part's event files must be read in date order.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowUnknownTrack(long userId, ReadOnlySpan<byte> trackIdAvro, string path)
    {
        var cursor = new SpanCursor(path);
        var id = cursor.ReadString(trackIdAvro);
        throw new InvalidDataException($"{path}: user {userId} played track '{id}', which is not in the run's catalog.");
    }

    private readonly struct PlayVisitor(WrappedAggregator aggregator, string path) : IEventBatchVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(ReadOnlySpan<DecodedEvent> events, ReadOnlySpan<byte> block) => aggregator.TakeBatch(events, block, path);
    }
}
