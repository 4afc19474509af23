using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Wrapped.Core.Avro;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Computes the Wrapped summaries of a group of listeners (a part of a run) from their plays, streaming: memory holds
/// each listener's running totals, never the events. Feed it a part's event files day by day in date order (within a
/// day, files and listeners in any order); a listener's plays must arrive in time order, and one that goes back in time
/// is refused, since the familiarity, loyalty and commonality scores follow the order of plays.
/// </summary>
/// <remarks>One instance per thread. The summaries come out without letters: those need the whole population's medians.</remarks>
public sealed class WrappedAggregator : IDisposable
{
    private readonly WrappedCatalog _catalog;
    private readonly Func<long, ListenerClock> _clockOf;
    private readonly Dictionary<long, Listener> _listeners = [];
    private readonly EventFileDecoder _decoder = new();
    private readonly TrackTallies.Pool _tallies = TrackTallies.Pool.Shared;
    private bool _disposed;
    private readonly Play[] _batch = new Play[BatchSize];
    private int _batched;
    private int _resolved;
    private Listener? _current;
    private Listener? _ahead;

    // A play's track line is asked for as soon as its id is decoded and read a few plays later; plays are then
    // aggregated a batch at a time, each listener's state fetched a few plays ahead of its use. Misses overlap
    // instead of following one another.
    private const int BatchSize = 1024;
    private const int LookupDistance = 16;
    private const int PrefetchDistance = 8;

    /// <param name="clockOf">Each listener's clock; UTC for everyone when null.</param>
    public WrappedAggregator(WrappedCatalog catalog, Func<long, ListenerClock>? clockOf = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
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
        AddPlay(userId, timestampMs, _catalog.Table.SlotOf(track), listeningMs, path: null);
    }

    /// <summary>Adds every play of an events file (the bytes of a whole <c>events/date=…/part-*.avro</c>); returns how many.</summary>
    /// <exception cref="InvalidDataException">The file is malformed, names a track the catalog lacks, or goes back in time.</exception>
    public long AddEventFile(ReadOnlyMemory<byte> file, string path)
    {
        var visitor = new PlayVisitor(this, path);
        long plays;
        try
        {
            plays = _decoder.Decode(file, path, ref visitor);
        }
        catch
        {
            // A file that fails part-way adds nothing more: the caller gives up on the part anyway.
            _batched = 0;
            _resolved = 0;
            throw;
        }
        Flush(path);
        return plays;
    }

    /// <summary>Every listener's summaries, by user id then year, without letters.</summary>
    /// <param name="generatedPersonality">The code each user was generated with, when known.</param>
    public List<WrappedSummaryRecord> Summaries(Func<long, string?>? generatedPersonality = null)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
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
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddPlay(long userId, long timestampMs, int slot, long listeningMs, string? path)
    {
        var listener = _current;
        if (listener is null || listener.UserId != userId) listener = Switch(userId);
        if (listener.IsBeforeLastPlay(timestampMs)) ThrowOutOfOrder(userId, timestampMs, listener.LastPlayMs, path);
        if ((ulong)listeningMs > uint.MaxValue) ThrowImpossibleListening(userId, listeningMs, path);
        listener.Add(timestampMs, slot, listeningMs);
        Plays++;
    }

    /// <summary>Queues a play whose track is already resolved (an id too long to keep inline).</summary>
    private void Enqueue(long userId, long timestampMs, int slot, long listeningMs, string path)
    {
        ref var play = ref _batch[_batched++];
        play = new Play { UserId = userId, TimestampMs = timestampMs, ListeningMs = listeningMs, Slot = slot, KeyLength = Play.Resolved };
        if (_batched == BatchSize) Flush(path);
    }

    /// <summary>Queues a play with a copy of its track id, asks for the id's line, and resolves the play queued a few before.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enqueue(long userId, long timestampMs, ulong hash, ReadOnlySpan<byte> trackIdAvro, long listeningMs, string path)
    {
        _catalog.Table.Prefetch(hash);
        ref var play = ref _batch[_batched++];
        play.UserId = userId;
        play.TimestampMs = timestampMs;
        play.ListeningMs = listeningMs;
        play.Hash = hash;
        play.KeyLength = trackIdAvro.Length;
        trackIdAvro.CopyTo(play.Key);
        if (_batched - _resolved > LookupDistance) Resolve(_resolved++, path);
        if (_batched == BatchSize) Flush(path);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Resolve(int index, string path)
    {
        ref var play = ref _batch[index];
        if (play.KeyLength == Play.Resolved) return;
        var key = ((ReadOnlySpan<byte>)play.Key)[..play.KeyLength];
        play.Slot = _catalog.Table.Find(play.Hash, key);
        if (play.Slot == TrackTable.NotFound) ThrowUnknownTrack(play.UserId, key, path);
    }

    private void Flush(string path)
    {
        while (_resolved < _batched) Resolve(_resolved++, path);
        var plays = _batch.AsSpan(0, _batched);
        _batched = 0;
        _resolved = 0;
        for (var i = 0; i < plays.Length; i++)
        {
            ref readonly var play = ref plays[i];
            if (i + PrefetchDistance < plays.Length)
            {
                ref readonly var ahead = ref plays[i + PrefetchDistance];
                ListenerOf(ahead.UserId)?.Prefetch(ahead.Slot);
            }
            AddPlay(play.UserId, play.TimestampMs, play.Slot, play.ListeningMs, path);
        }
    }

    /// <summary>A decoded play: its track id (a copy, while it waits for its line) and then its slot in the <see cref="TrackTable"/>.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    private struct Play
    {
        public const int Resolved = -1;
        public long UserId;
        public long TimestampMs;
        public long ListeningMs;
        public ulong Hash;
        public int Slot;
        public int KeyLength;
        public InlineKey Key;
    }

    [InlineArray(TrackTable.InlineKeyBytes)]
    private struct InlineKey
    {
        private byte _first;
    }

    /// <summary>The listener of a coming play, if known: the current one, or the next one, looked up once per run of its plays.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private Listener? ListenerOf(long userId)
    {
        if (_current?.UserId == userId) return _current;
        if (_ahead?.UserId != userId) _ahead = _listeners.GetValueOrDefault(userId);
        return _ahead;
    }

    private Listener Switch(long userId)
    {
        if (!_listeners.TryGetValue(userId, out var listener))
        {
            listener = new Listener(userId, _catalog, _clockOf(userId), _tallies);
            _listeners.Add(userId, listener);
        }
        _current = listener;
        return listener;
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
            if (trackIdAvro.Length <= TrackTable.InlineKeyBytes)
            {
                aggregator.Enqueue(userId, timestampMs, TrackTable.Hash(trackIdAvro), trackIdAvro, listeningMs, path);
                return;
            }
            var slot = aggregator._catalog.Table.Find(trackIdAvro);
            if (slot == TrackTable.NotFound) ThrowUnknownTrack(userId, trackIdAvro, path);
            aggregator.Enqueue(userId, timestampMs, slot, listeningMs, path);
        }
    }
}
