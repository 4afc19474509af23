using System.Runtime.CompilerServices;
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
    private readonly Play[] _batch = new Play[BatchSize];
    private int _batched;
    private Listener? _current;

    // Plays are resolved to tracks as they are decoded, then aggregated a batch at a time, so that each play's
    // listener state can be fetched from memory a few plays ahead of its use.
    private const int BatchSize = 1024;
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
            throw;
        }
        Flush(path);
        return plays;
    }

    /// <summary>Every listener's summaries, by user id then year, without letters.</summary>
    /// <param name="generatedPersonality">The code each user was generated with, when known.</param>
    public List<WrappedSummaryRecord> Summaries(Func<long, string?>? generatedPersonality = null)
    {
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

    public void Dispose() => _decoder.Dispose();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void AddPlay(long userId, long timestampMs, int slot, long listeningMs, string? path)
    {
        var listener = _current;
        if (listener is null || listener.UserId != userId) listener = Switch(userId);
        if (listener.IsBeforeLastPlay(timestampMs)) ThrowOutOfOrder(userId, timestampMs, listener.LastPlayMs, path);
        listener.Add(timestampMs, slot, listeningMs);
        Plays++;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Enqueue(long userId, long timestampMs, int slot, long listeningMs, string path)
    {
        _batch[_batched++] = new Play(userId, timestampMs, listeningMs, slot);
        if (_batched == BatchSize) Flush(path);
    }

    private void Flush(string path)
    {
        var plays = _batch.AsSpan(0, _batched);
        _batched = 0;
        for (var i = 0; i < plays.Length; i++)
        {
            ref readonly var play = ref plays[i];
            if (i + PrefetchDistance < plays.Length)
            {
                ref readonly var ahead = ref plays[i + PrefetchDistance];
                if (ahead.UserId == _current?.UserId) _current.Prefetch(ahead.Slot);
            }
            AddPlay(play.UserId, play.TimestampMs, play.Slot, play.ListeningMs, path);
        }
    }

    /// <param name="Slot">The track's slot in the <see cref="TrackTable"/>, where its facts are.</param>
    private readonly record struct Play(long UserId, long TimestampMs, long ListeningMs, int Slot);

    private Listener Switch(long userId)
    {
        if (!_listeners.TryGetValue(userId, out var listener))
        {
            listener = new Listener(userId, _catalog, _clockOf(userId));
            _listeners.Add(userId, listener);
        }
        _current = listener;
        return listener;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowOutOfOrder(long userId, long timestampMs, long lastMs, string? path) =>
        throw new InvalidDataException(
            $"{path ?? "A play"}: user {userId} has a play at {DateTimeOffset.FromUnixTimeMilliseconds(timestampMs):O} after one at "
            + $"{DateTimeOffset.FromUnixTimeMilliseconds(lastMs):O}: a part's event files must be read in date order.");

    private readonly struct PlayVisitor(WrappedAggregator aggregator, string path) : IEventVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs)
        {
            var slot = aggregator._catalog.Table.Find(trackIdAvro);
            if (slot == TrackTable.NotFound) ThrowUnknownTrack(userId, trackIdAvro);
            aggregator.Enqueue(userId, timestampMs, slot, listeningMs, path);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void ThrowUnknownTrack(long userId, ReadOnlySpan<byte> trackIdAvro)
        {
            var cursor = new SpanCursor(path);
            var id = Encoding.UTF8.GetString(cursor.ReadBytes(trackIdAvro));
            throw new InvalidDataException($"{path}: user {userId} played track '{id}', which is not in the run's catalog.");
        }
    }
}
