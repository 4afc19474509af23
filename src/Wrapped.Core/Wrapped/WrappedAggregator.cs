using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
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

    // A play's track line is asked for as soon as its id is decoded and read this many plays later.
    private const int LookupDistance = 16;
    private const int PendingMask = 2 * LookupDistance - 1;

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
    private readonly PendingLookup[] _pending = new PendingLookup[PendingMask + 1];
    private readonly int _windowPlays;
    private WindowPlay[] _window;
    private int _windowed;
    private int _resolved;
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
        _resolved = _windowed;
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
            plays = _decoder.Decode(file, path, ref visitor);
            ResolveTaken(path);
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
        if (_current == NoListener || _currentUserId != userId) StartRun(userId);
        ref var takenUntilMs = ref _takenUntilMs[_current];
        if (timestampMs < takenUntilMs) ThrowOutOfOrder(userId, timestampMs, takenUntilMs, path);
        if ((ulong)listeningMs > uint.MaxValue) ThrowImpossibleListening(userId, listeningMs, path);
        takenUntilMs = timestampMs;
        _runs[_runCount - 1].Length++;
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
        ResolveTaken(path!);
        _fileSpilled |= _windowed > _mark.Windowed;
        AggregateWindow();
        _mark = (0, 0);
    }

    private void StartRun(long userId)
    {
        var previous = _current;
        var listener = previous == NoListener ? NoListener : _successorOf[previous];
        if (listener == NoListener || _userIdAt[listener] != userId) listener = IndexOf(userId);
        if (previous != NoListener) _successorOf[previous] = listener;
        if (_runCount == _runs.Length) Array.Resize(ref _runs, _runs.Length * 2);
        _runs[_runCount++] = new Run(listener, _windowed, 0, _takenUntilMs[listener]);
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

    /// <summary>Takes a play whose track id is kept inline: asks for the id's line and resolves the play taken a few before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void TakeInline(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs, string path)
    {
        var hash = TrackTable.Hash(trackIdAvro);
        _table.Prefetch(hash);
        Take(userId, timestampMs, listeningMs, path);
        ref var pending = ref _pending[(_windowed - 1) & PendingMask];
        pending.UserId = userId;
        pending.Hash = hash;
        pending.KeyLength = trackIdAvro.Length;
        CopyKey(trackIdAvro, ref pending.Key);
        if (_windowed - _resolved > LookupDistance) Resolve(_resolved++, path);
    }

    /// <summary>Takes a play whose track id is too long to keep inline: looked up at once.</summary>
    private void TakeLong(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs, string path)
    {
        var slot = _table.Find(trackIdAvro);
        if (slot == TrackTable.NotFound) ThrowUnknownTrack(userId, trackIdAvro, path);
        Take(userId, timestampMs, listeningMs, path).Track = _table.TrackAt(slot);
        _pending[(_windowed - 1) & PendingMask].KeyLength = PendingLookup.Resolved;
        if (_windowed - _resolved > LookupDistance) Resolve(_resolved++, path);
    }

    /// <summary>Resolves every play taken whose track still waits for its lookup: before a file ends, or the window is aggregated.</summary>
    private void ResolveTaken(string path)
    {
        while (_resolved < _windowed) Resolve(_resolved++, path);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Resolve(int position, string path)
    {
        ref var pending = ref _pending[position & PendingMask];
        if (pending.KeyLength == PendingLookup.Resolved) return;
        var key = ((ReadOnlySpan<byte>)pending.Key)[..pending.KeyLength];
        var slot = _table.Find(pending.Hash, key);
        if (slot == TrackTable.NotFound) ThrowUnknownTrack(pending.UserId, key, path);
        _window[position].Track = _table.TrackAt(slot);
    }

    /// <summary>Copies an id of up to <see cref="TrackTable.InlineKeyBytes"/> bytes in three overlapping words: a Spotify id (23 bytes with its length) takes no call to a general copy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CopyKey(ReadOnlySpan<byte> key, ref InlineKey to)
    {
        if (key.Length < 16)
        {
            key.CopyTo(to);
            return;
        }
        ref var from = ref MemoryMarshal.GetReference(key);
        ref var into = ref Unsafe.As<InlineKey, byte>(ref to);
        Unsafe.WriteUnaligned(ref into, Unsafe.ReadUnaligned<ulong>(ref from));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, 8)));
        Unsafe.WriteUnaligned(ref Unsafe.Add(ref into, key.Length - 8), Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref from, key.Length - 8)));
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
        _resolved = _mark.Windowed;
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
                ref readonly var run = ref _runs[order[o]];
                AggregateRun(listener, window.Slice(run.Start, run.Length));
            }
        }
        _windowed = 0;
        _resolved = 0;
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
    private record struct Run(int Listener, int Start, int Length, long TakenBeforeMs);

    /// <summary>A decoded track id waiting for its line of the <see cref="TrackTable"/>.</summary>
    private struct PendingLookup
    {
        public const int Resolved = -1;
        public long UserId;
        public ulong Hash;
        public int KeyLength;
        public InlineKey Key;
    }

    [InlineArray(TrackTable.InlineKeyBytes)]
    private struct InlineKey
    {
        private byte _first;
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
        var id = Encoding.UTF8.GetString(cursor.ReadBytes(trackIdAvro));
        throw new InvalidDataException($"{path}: user {userId} played track '{id}', which is not in the run's catalog.");
    }

    private readonly struct PlayVisitor(WrappedAggregator aggregator, string path) : IEventVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs)
        {
            if (trackIdAvro.Length <= TrackTable.InlineKeyBytes) aggregator.TakeInline(userId, timestampMs, trackIdAvro, listeningMs, path);
            else aggregator.TakeLong(userId, timestampMs, trackIdAvro, listeningMs, path);
        }
    }
}
