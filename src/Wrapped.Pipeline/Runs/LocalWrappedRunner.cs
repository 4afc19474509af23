using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Wrapped in this process, after the simulation: every part scored, the medians, every part classified (the steps a
/// Durable orchestration will call as activities). Skipped when every part's Wrapped already covers the run's days.
/// </summary>
public static class LocalWrappedRunner
{
    public static async Task RunAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, RunSchedule schedule, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        if (await WrappedStep.IsCurrentAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false)) return;
        var parts = Enumerable.Range(0, parameters.PartCount).ToArray();
        // Two reports a part: scored, then classified.
        var steps = 2 * parts.Length + 1;
        var done = 0;
        long plays = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = schedule.Parallelism, CancellationToken = cancellationToken };
        progress?.Report(new RunProgress("wrapped", 0, steps, 0));
        await Parallel.ForEachAsync(parts, options, async (part, ct) =>
        {
            var scored = await WrappedStep.ScorePartAsync(store, layout, parameters, part, ct).ConfigureAwait(false);
            progress?.Report(new RunProgress("wrapped", Interlocked.Increment(ref done), steps, Interlocked.Add(ref plays, scored.Plays)));
        }).ConfigureAwait(false);
        await WrappedStep.ComputeMediansAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false);
        progress?.Report(new RunProgress("wrapped", Interlocked.Increment(ref done), steps, plays));
        await Parallel.ForEachAsync(parts, options, async (part, ct) =>
        {
            await WrappedStep.ClassifyPartAsync(store, layout, parameters, part, ct).ConfigureAwait(false);
            progress?.Report(new RunProgress("wrapped", Interlocked.Increment(ref done), steps, plays));
        }).ConfigureAwait(false);
    }
}
