using Microsoft.DurableTask;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>
/// One run, start to finish (or one extension of it by new days): claim and record the run, prepare the catalog,
/// generate the users, fan out the simulation in bounded batches, compute Wrapped (<see cref="WrappedPhases"/>), write
/// the manifest and <c>_SUCCESS</c>. An extension
/// of a finished run is staged and committed by the manifest step (<see cref="RunTransaction"/>); a run that already
/// reaches the end asked for is reported as it is. Deterministic orchestrator code only: no I/O, no clocks, no random;
/// every effect is an activity.
/// </summary>
public sealed class FeedOrchestrator : TaskOrchestrator<FeedRunRequest, FeedRunResult>
{
    /// <summary>Above this many batches, the fan-out is split into sub-orchestrations to keep each history small.</summary>
    public const int BatchesPerSubOrchestration = 200;

    public override async Task<FeedRunResult> RunAsync(TaskOrchestrationContext context, FeedRunRequest input)
    {
        var parameters = input.Parameters;
        var retry = FeedRetry.Create(input.Retry ?? RetrySettings.Default);
        // This execution's writer token (replay-safe): activities of any other execution of the run refuse to write.
        var writer = context.NewGuid().ToString("N");

        context.SetCustomStatus(RunProgress.Starting("record"));
        var plan = await context.CallActivityAsync<RunPlan>(nameof(RecordRunActivity), new RecordRunInput(input, context.InstanceId, writer), retry);
        if (plan.Mode == RunWriteMode.Current)
        {
            // Already there (the run reaches this end): reported as it is.
            context.SetCustomStatus(new RunProgress("done", 0, 0, plan.Committed!.Events));
            return new FeedRunResult(parameters.RunId, plan.Committed);
        }
        var write = new RunWrite(writer, plan.Staged);
        if (plan.Mode == RunWriteMode.Fresh)
        {
            context.SetCustomStatus(RunProgress.Starting("prepare"));
            await context.CallActivityAsync<CatalogOutcome>(nameof(PrepareCatalogActivity), new PrepareCatalogInput(parameters, input.Inputs, write), retry);
            context.SetCustomStatus(RunProgress.Starting("users"));
            await context.CallActivityAsync<long>(nameof(GenerateUsersActivity), new RunStepInput(parameters, write), retry);
        }

        var batches = new RunSchedule(input.BatchSize, input.MaxParallelBatches).Batches(parameters.PartCount, parameters.PartSize).ToArray();
        var outcome = await BoundedFanOut.BatchesAsync(context, batches, input.MaxParallelBatches,
            i => SimulateBatches.Start(context, parameters, batches[i], input.From, input.To, retry, write),
            (chunk, i) => context.CallSubOrchestratorAsync<BatchOutcome>(nameof(SimulateChunkOrchestrator),
                new SimulateChunkInput(parameters, chunk.Batches, input.From, input.To, chunk.BatchesInFlight, input.Retry ?? RetrySettings.Default, write),
                new SubOrchestrationOptions { InstanceId = $"{context.InstanceId}:chunk-{i:0000}" }),
            BoundedFanOut.Simulation(batches.Length));
        await WrappedPhases.RunAsync(context, input, batches, write);

        context.SetCustomStatus(new RunProgress("manifest", batches.Length, batches.Length, outcome.Events));
        var counts = await context.CallActivityAsync<Core.Feed.ManifestCounts>(nameof(WriteManifestActivity), new RunStepInput(parameters, write), retry);
        context.SetCustomStatus(new RunProgress("done", batches.Length, batches.Length, counts.Events));
        return new FeedRunResult(parameters.RunId, counts);
    }
}

/// <summary>A slice of a large run's batches, fanned out under its own history.</summary>
public sealed class SimulateChunkOrchestrator : TaskOrchestrator<SimulateChunkInput, BatchOutcome>
{
    public override Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, SimulateChunkInput input) =>
        SimulateBatches.RunAsync(context, input.Parameters, input.Batches, input.From, input.To, input.MaxParallelBatches, FeedRetry.Create(input.Retry), input.Write);
}

/// <summary>The batches as activities, at most <c>maxInFlight</c> at once, progress after each.</summary>
internal static class SimulateBatches
{
    public static Task<BatchOutcome> RunAsync(
        TaskOrchestrationContext context, Core.Feed.RunParameters parameters, int[][] batches, DateOnly from, DateOnly to,
        int maxInFlight, TaskOptions retry, RunWrite write) =>
        BoundedFanOut.RunAsync(context, batches.Length, maxInFlight, _ => 1,
            i => Start(context, parameters, batches[i], from, to, retry, write),
            BoundedFanOut.Simulation(batches.Length));

    public static Task<BatchOutcome> Start(
        TaskOrchestrationContext context, Core.Feed.RunParameters parameters, int[] parts, DateOnly from, DateOnly to, TaskOptions retry, RunWrite write) =>
        context.CallActivityAsync<BatchOutcome>(nameof(SimulateBatchActivity), new SimulateBatchInput(parameters, parts, from, to, write), retry);
}

/// <summary>
/// The one retry policy of every activity: transient storage faults and crashed workers are retried with exponential
/// backoff; rejected input is not, since a retry would only be rejected again.
/// </summary>
public static class FeedRetry
{
    /// <summary>Whether a failure is rejected input (retrying cannot help), looking through wrapped failures.</summary>
    public static bool IsPermanent(TaskFailureDetails? failure)
    {
        for (var f = failure; f is not null; f = f.InnerFailure)
        {
            if (PermanentErrors.Contains(f.ErrorType)) return true;
        }
        return false;
    }

    private static readonly string[] PermanentErrors =
    [
        typeof(Steps.FeedInputException).FullName!,
        typeof(Core.Csv.InputRejectedException).FullName!,
        typeof(Core.Avro.FeedSchemaMismatchException).FullName!,
    ];

    public static TaskOptions Create(RetrySettings settings) => TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: settings.MaxAttempts,
        firstRetryInterval: settings.FirstRetryInterval,
        backoffCoefficient: settings.BackoffCoefficient,
        maxRetryInterval: settings.MaxRetryInterval)
    {
        HandleFailure = failure => !IsPermanent(failure),
    });
}

/// <summary>Retry settings, part of each run request so that replays always see the policy the run started with.</summary>
public sealed record RetrySettings(int MaxAttempts, TimeSpan FirstRetryInterval, double BackoffCoefficient, TimeSpan MaxRetryInterval)
{
    public static RetrySettings Default { get; } = new(5, TimeSpan.FromSeconds(2), 2.0, TimeSpan.FromMinutes(1));
}
