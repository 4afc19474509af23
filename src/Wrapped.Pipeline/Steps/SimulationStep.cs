using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Step 3, once per part: simulates the part's users over a range of days, one events file per day, then saves the
/// users' carried state. A day is each listener's local date in their time zone (the users part carries it):
/// <c>events/date=D/part-k</c> holds the part's users' local day D, with UTC timestamps. Idempotent: days the saved state has already passed are not simulated again, and a retried
/// day rewrites identical bytes. The ledger is written before the state, so a crash between the two only repeats work.
/// </summary>
public static class SimulationStep
{
    public static async Task<PartResult> RunAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, int part, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        if (to < from) throw new FeedInputException($"Cannot simulate part {part} from {from:yyyy-MM-dd} to the earlier {to:yyyy-MM-dd}.");
        var catalog = await CatalogCache.GetAsync(store, layout, cancellationToken).ConfigureAwait(false);
        var users = await store.ReadAvroAsync(layout.UsersPart(part), UserRecordCodec.ReadAll, cancellationToken).ConfigureAwait(false);
        var model = await RunModels.GetAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false);
        var simulator = new ListeningSimulator(catalog, parameters.Seed, model);
        var ledgerName = FeedLayout.PartLedgerName(part);
        var ledger = await store.TryReadJsonAsync<Ledger>(layout.Ledger(ledgerName), cancellationToken).ConfigureAwait(false) ?? Ledger.Empty(ledgerName);

        var (states, nextDate) = await LoadStatesAsync(store, layout, parameters, part, users, simulator, from, cancellationToken).ConfigureAwait(false);
        if (nextDate <= to)
        {
            var codec = AvroCodecOptions.Parse(parameters.Codec);
            var files = new List<LedgerFile>();
            var days = new List<DayTotals>();
            for (var date = nextDate; date <= to; date = date.AddDays(1))
            {
                var (file, totals) = await WriteDayAsync(store, layout, parameters, codec, catalog, simulator, users, states, part, date, cancellationToken).ConfigureAwait(false);
                files.Add(file);
                days.Add(totals);
            }

            var stateBytes = AvroBytes.Encode(FeedSchemas.UserState, codec, parameters.Seed, layout.RelativeToRun(layout.StatePart(part)),
                Enumerable.Range(0, users.Count), (buffer, i) => UserStateRecordCodec.Write(buffer, users[i].UserId, states[i], to.AddDays(1)), out var stateRecords);
            files.Add(AvroBytes.Describe(layout.RelativeToRun(layout.StatePart(part)), stateBytes, stateRecords));
            ledger = ledger.Merge(new Ledger(ledgerName, files, days));
            await store.WriteJsonAsync(layout.Ledger(ledgerName), ledger, cancellationToken).ConfigureAwait(false);
            await store.WriteAsync(layout.StatePart(part), (s, ct) => s.WriteAsync(stateBytes, ct).AsTask(), cancellationToken).ConfigureAwait(false);
        }

        var inRange = ledger.Days.Where(d => d.Date >= from && d.Date <= to).ToList();
        var eventFiles = ledger.Files.Where(f => f.Path.StartsWith("events/", StringComparison.Ordinal)).ToList();
        return new PartResult(part, inRange.Sum(d => d.Events), inRange.Count,
            eventFiles.Where(f => InRange(f.Path, from, to)).Sum(f => f.Bytes), inRange.Sum(d => d.DroppedSessions));
    }

    private static async Task<(UserListeningState[] States, DateOnly NextDate)> LoadStatesAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, int part, IReadOnlyList<UserProfile> users,
        ListeningSimulator simulator, DateOnly from, CancellationToken cancellationToken)
    {
        var statePath = layout.StatePart(part);
        if (!await store.ExistsAsync(statePath, cancellationToken).ConfigureAwait(false))
        {
            if (from != parameters.Start)
                throw new FeedInputException($"Part {part} has no saved state at {statePath}: it can only start at the run's first day {parameters.Start:yyyy-MM-dd}, not {from:yyyy-MM-dd}.");
            return (users.Select(u => simulator.CreateInitialState(u.UserId)).ToArray(), from);
        }

        var records = await store.ReadAvroAsync(statePath, UserStateRecordCodec.ReadAll, cancellationToken).ConfigureAwait(false);
        if (records.Count != users.Count || records.Select(r => r.NextDate).Distinct().Count() != 1)
            throw new FeedInputException($"The saved state {statePath} does not match the part's {users.Count} users: delete the run folder and run again.");
        var nextDate = records[0].NextDate;
        if (from > nextDate)
            throw new FeedInputException($"Part {part} has been simulated up to {nextDate.AddDays(-1):yyyy-MM-dd}; extending it from {from:yyyy-MM-dd} would leave a gap.");
        var states = new UserListeningState[users.Count];
        for (var i = 0; i < users.Count; i++)
        {
            if (records[i].UserId != users[i].UserId)
                throw new FeedInputException($"The saved state {statePath} lists user {records[i].UserId} where user {users[i].UserId} was expected.");
            states[i] = simulator.RestoreState(records[i]);
        }
        return (states, nextDate);
    }

    private static async Task<(LedgerFile File, DayTotals Totals)> WriteDayAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, AvroCodecOptions codec, SimulationCatalog catalog,
        ListeningSimulator simulator, IReadOnlyList<UserProfile> users, UserListeningState[] states, int part, DateOnly date,
        CancellationToken cancellationToken)
    {
        var path = layout.EventsPart(date, part);
        var runPath = layout.RelativeToRun(path);
        var totals = new DayTotals(date, 0, 0, 0, 0, 0);
        long records = 0;
        var stored = await store.WriteAsync(path, (stream, ct) =>
        {
            using var writer = new AvroContainerWriter(stream, FeedSchemas.Event, codec, SyncMarker.Derive(parameters.Seed, runPath));
            var sink = new EventFileSink(writer, catalog);
            long sessions = 0, dropped = 0, skips = 0, listening = 0;
            for (var i = 0; i < users.Count; i++)
            {
                ct.ThrowIfCancellationRequested();
                var outcome = simulator.SimulateDay(users[i], states[i], date, sink);
                sessions += outcome.Sessions;
                dropped += outcome.DroppedSessions;
                skips += outcome.Skips;
                listening += outcome.ListeningTimeMs;
            }
            writer.Finish();
            records = writer.RecordCount;
            totals = new DayTotals(date, records, sessions, dropped, skips, listening);
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return (new LedgerFile(runPath, stored.Bytes, stored.Sha256, records), totals);
    }

    private static bool InRange(string eventPath, DateOnly from, DateOnly to)
    {
        // events/date=yyyy-MM-dd/part-NNNNN.avro
        var date = DateOnly.ParseExact(eventPath.AsSpan(12, 10), "yyyy-MM-dd");
        return date >= from && date <= to;
    }
}

/// <summary>What a part's simulation returns to its caller: counts only, never data.</summary>
public sealed record PartResult(int Part, long Events, int Days, long Bytes, long DroppedSessions);
