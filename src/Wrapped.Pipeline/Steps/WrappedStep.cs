using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.TimeZones;
using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Wrapped (SPEC section 6), after the simulation, in three steps over the store. Letters split each score at the
/// population's median, so: <see cref="ScorePartAsync"/> once per part (every summary and score, no letters), then
/// <see cref="ComputeMediansAsync"/> once, then <see cref="ClassifyPartAsync"/> once per part (letters, the
/// <c>wrapped/</c> file, the agreement with the generated personalities). Each takes the run's parameters and a part
/// number and returns counts, so a Durable activity can call it as it is; each rewrites identical bytes when repeated.
/// </summary>
public static class WrappedStep
{
    /// <summary>Phase 1: reads the part's events day by day and writes its summaries without letters.</summary>
    public static async Task<WrappedPartResult> ScorePartAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, int part, CancellationToken cancellationToken)
    {
        var catalog = await CatalogCache.GetWrappedAsync(store, layout, cancellationToken).ConfigureAwait(false);
        var users = await store.ReadAvroAsync(layout.UsersPart(part), UserRecordCodec.ReadAll, cancellationToken).ConfigureAwait(false);
        var generated = users.ToDictionary(u => u.UserId, u => u.Personality.Code);
        var zones = users.ToDictionary(u => u.UserId, u => u.TimeZone);

        // Months, hours and weekdays are the listener's own: each user's clock is their zone's.
        using var aggregator = new WrappedAggregator(catalog, id => ListenerClock.For(zones.GetValueOrDefault(id, ListenerTimeZone.UtcId)));
        FileBuffer[] buffers = [new(), new()];
        var days = parameters.Days;
        // The next day's file is read while this one is decoded.
        var next = ReadEventsAsync(store, layout, parameters.Start, part, buffers[0], cancellationToken);
        for (var d = 0; d < days; d++)
        {
            var (path, bytes) = await next.ConfigureAwait(false);
            if (d + 1 < days) next = ReadEventsAsync(store, layout, parameters.Start.AddDays(d + 1), part, buffers[(d + 1) % 2], cancellationToken);
            aggregator.AddEventFile(bytes, layout.RelativeToRun(path));
        }

        var summaries = aggregator.Summaries(id => generated.GetValueOrDefault(id));
        await store.WriteAvroAsync(layout, layout.WrappedScoresPart(part), FeedSchemas.Wrapped, AvroCodecOptions.Parse(parameters.Codec),
            parameters.Seed, summaries, WrappedSummaryRecordCodec.Write, cancellationToken).ConfigureAwait(false);
        return new WrappedPartResult(part, aggregator.Plays, summaries.Count);
    }

    /// <summary>Phase 2: each year's medians over every part's scores, saved for <see cref="ClassifyPartAsync"/>.</summary>
    public static async Task<WrappedMedians> ComputeMediansAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken)
    {
        // The parts' files are read side by side (a blob store's round trips, a local file's decoding), each kept as
        // its scores only; they are joined in part order.
        var byPart = new List<(int Year, ListeningScores Scores)>[parameters.PartCount];
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(2, Environment.ProcessorCount), CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, parameters.PartCount), options, async (part, ct) =>
        {
            var summaries = await ReadScoresAsync(store, layout, part, ct).ConfigureAwait(false);
            byPart[part] = summaries.ConvertAll(s => (s.Year, s.Scores));
        }).ConfigureAwait(false);
        var scores = byPart.SelectMany(part => part).ToList();
        var medians = new WrappedMedians(parameters.End, PersonalityMedians.Of(scores));
        await store.WriteJsonAsync(layout.WrappedMedians, medians, cancellationToken).ConfigureAwait(false);
        return medians;
    }

    /// <summary>Phase 3: gives the part's summaries their letters, writes <c>wrapped/part-*.avro</c> and the part's agreement.</summary>
    public static async Task<WrappedPartResult> ClassifyPartAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, int part, CancellationToken cancellationToken)
    {
        var medians = await store.TryReadJsonAsync<WrappedMedians>(layout.WrappedMedians, cancellationToken).ConfigureAwait(false);
        if (medians is null || medians.Through != parameters.End)
            throw new FeedInputException($"{layout.WrappedMedians} is missing or older than the run's last day {parameters.End:yyyy-MM-dd}: compute the medians first.");
        var byYear = medians.Years.ToDictionary(m => m.Year);
        var agreement = PersonalityAgreementCounts.None;
        var summaries = new List<WrappedSummaryRecord>();
        foreach (var scored in await ReadScoresAsync(store, layout, part, cancellationToken).ConfigureAwait(false))
        {
            if (!byYear.TryGetValue(scored.Year, out var year))
                throw new FeedInputException($"{layout.WrappedMedians} has no medians for {scored.Year}: compute the medians again.");
            var inferred = year.Classify(scored.Scores);
            if (scored.GeneratedPersonality is { } generated) agreement = agreement.Add(inferred, Personality.Parse(generated));
            summaries.Add(scored with { Personality = inferred.Code });
        }

        var file = await store.WriteAvroAsync(layout, layout.WrappedPart(part), FeedSchemas.Wrapped, AvroCodecOptions.Parse(parameters.Codec),
            parameters.Seed, summaries, WrappedSummaryRecordCodec.Write, cancellationToken).ConfigureAwait(false);
        var ledgerName = LedgerName(part);
        await store.WriteJsonAsync(layout.Ledger(ledgerName), new Ledger(ledgerName, [file], []), cancellationToken).ConfigureAwait(false);
        // Written last: its presence says the part's Wrapped is complete for the run's days.
        await store.WriteJsonAsync(layout.WrappedOutcome(part), new WrappedPartOutcome(part, parameters.End, summaries.Count, agreement), cancellationToken).ConfigureAwait(false);
        return new WrappedPartResult(part, summaries.Sum(s => s.Plays), summaries.Count);
    }

    /// <summary>Whether every part's Wrapped is there and covers the run's days up to <see cref="RunParameters.End"/>.</summary>
    public static async Task<bool> IsCurrentAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken) =>
        await ReadOutcomesAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false) is not null;

    /// <summary>The run's agreement of inferred with generated personalities, or null while its Wrapped is missing or stale.</summary>
    public static async Task<PersonalityAgreement?> ReadAgreementAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken)
    {
        var outcomes = await ReadOutcomesAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false);
        return outcomes?.Aggregate(PersonalityAgreementCounts.None, (sum, o) => sum.Add(o.Agreement)).ToShares();
    }

    public static string LedgerName(int part) => $"wrapped-{FeedLayout.PartLedgerName(part)}";

    private static async Task<List<WrappedPartOutcome>?> ReadOutcomesAsync(IFeedStore store, FeedLayout layout, RunParameters parameters, CancellationToken cancellationToken)
    {
        var outcomes = new List<WrappedPartOutcome>(parameters.PartCount);
        for (var part = 0; part < parameters.PartCount; part++)
        {
            var outcome = await store.TryReadJsonAsync<WrappedPartOutcome>(layout.WrappedOutcome(part), cancellationToken).ConfigureAwait(false);
            if (outcome is null || outcome.Through != parameters.End) return null;
            outcomes.Add(outcome);
        }
        return outcomes;
    }

    private static async Task<List<WrappedSummaryRecord>> ReadScoresAsync(IFeedStore store, FeedLayout layout, int part, CancellationToken cancellationToken)
    {
        var path = layout.WrappedScoresPart(part);
        if (!await store.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
            throw new FeedInputException($"{path} is missing: score every part before computing the medians.");
        return await store.ReadAvroAsync(path, stream => WrappedSummaryRecordCodec.ReadAll(stream, layout.RelativeToRun(path)), cancellationToken).ConfigureAwait(false);
    }

    private static async Task<(string Path, ReadOnlyMemory<byte> Bytes)> ReadEventsAsync(
        IFeedStore store, FeedLayout layout, DateOnly date, int part, FileBuffer buffer, CancellationToken cancellationToken)
    {
        var path = layout.EventsPart(date, part);
        if (!await store.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
            throw new FeedInputException($"{path} is missing: Wrapped reads every simulated day of the run.");
        return (path, await buffer.ReadAsync(store, path, cancellationToken).ConfigureAwait(false));
    }
}

/// <summary>What a Wrapped step returns to its caller: counts only.</summary>
public sealed record WrappedPartResult(int Part, long Plays, int Summaries);

/// <summary><c>_wrapped/medians.json</c>: each year's medians, for the run's days up to <paramref name="Through"/>.</summary>
public sealed record WrappedMedians(DateOnly Through, IReadOnlyList<PersonalityMedians> Years);

/// <summary><c>_wrapped/part-*.json</c>: a part's finished Wrapped, for the run's days up to <paramref name="Through"/>.</summary>
public sealed record WrappedPartOutcome(int Part, DateOnly Through, int Summaries, PersonalityAgreementCounts Agreement);
