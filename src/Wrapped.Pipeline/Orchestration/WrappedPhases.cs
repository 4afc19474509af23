using Microsoft.DurableTask;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>
/// Wrapped as the orchestration runs it, after the simulation: every part scored (in the simulation's batches), the
/// medians, every part classified; the same three steps as <see cref="LocalWrappedRunner"/>, so a Durable run's
/// Wrapped is the local run's byte for byte. Above <see cref="FeedOrchestrator.BatchesPerSubOrchestration"/> batches
/// each phase fans out in chunk sub-orchestrations, as the simulation does.
/// </summary>
internal static class WrappedPhases
{
    public static async Task RunAsync(TaskOrchestrationContext context, FeedRunRequest input, int[][] batches, RunWrite write)
    {
        // Progress over both phases and the medians between them, as the local runner counts it.
        var steps = 2 * batches.Length + 1;
        var retry = input.Retry ?? RetrySettings.Default;
        var scored = await PhaseAsync(context, input.Parameters, nameof(ScoreWrappedActivity), batches, input.MaxParallelBatches, retry, write,
            (done, plays) => new RunProgress("wrapped", done, steps, plays));
        await context.CallActivityAsync<int>(nameof(WrappedMediansActivity), new RunStepInput(input.Parameters, write), FeedRetry.Create(retry));
        await PhaseAsync(context, input.Parameters, nameof(ClassifyWrappedActivity), batches, input.MaxParallelBatches, retry, write,
            (done, _) => new RunProgress("wrapped", batches.Length + 1 + done, steps, scored.Plays));
    }

    /// <summary>One phase's batches: as activities, or in chunks when there are many.</summary>
    private static Task<WrappedBatchOutcome> PhaseAsync(
        TaskOrchestrationContext context, Core.Feed.RunParameters parameters, string activity, int[][] batches, int maxParallelBatches,
        RetrySettings retry, RunWrite write, Func<int, long, RunProgress> progress)
    {
        var options = FeedRetry.Create(retry);
        return BoundedFanOut.BatchesAsync(context, batches, maxParallelBatches,
            i => Start(context, parameters, activity, batches[i], options, write),
            (chunk, i) => context.CallSubOrchestratorAsync<WrappedBatchOutcome>(nameof(WrappedChunkOrchestrator),
                new WrappedChunkInput(parameters, activity, chunk.Batches, chunk.BatchesInFlight, retry, write),
                new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:{activity}-chunk-{i:0000}" }),
            progress);
    }

    public static Task<WrappedBatchOutcome> Batches(
        TaskOrchestrationContext context, Core.Feed.RunParameters parameters, string activity, int[][] batches, int maxInFlight,
        TaskOptions retry, RunWrite write, Func<int, long, RunProgress> progress) =>
        BoundedFanOut.RunAsync(context, batches.Length, maxInFlight, _ => 1,
            i => Start(context, parameters, activity, batches[i], retry, write),
            progress);

    private static Task<WrappedBatchOutcome> Start(
        TaskOrchestrationContext context, Core.Feed.RunParameters parameters, string activity, int[] parts, TaskOptions retry, RunWrite write) =>
        context.CallActivityAsync<WrappedBatchOutcome>(activity, new WrappedBatchInput(parameters, parts, write), retry);
}

/// <summary>A slice of one Wrapped phase's batches, fanned out under its own history.</summary>
public sealed class WrappedChunkOrchestrator : TaskOrchestrator<WrappedChunkInput, WrappedBatchOutcome>
{
    public override Task<WrappedBatchOutcome> RunAsync(TaskOrchestrationContext context, WrappedChunkInput input) =>
        WrappedPhases.Batches(context, input.Parameters, input.Activity, input.Batches, input.MaxParallelBatches, FeedRetry.Create(input.Retry), input.Write,
            (done, plays) => new RunProgress("wrapped", done, input.Batches.Length, plays));
}
