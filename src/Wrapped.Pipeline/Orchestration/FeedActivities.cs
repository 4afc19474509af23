using Microsoft.DurableTask;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Orchestration;

// Each activity is a thin adapter over a step: the same code the local runner calls. All are idempotent, because
// after a crash the Durable engine can deliver an activity twice, and all write through the store WriterClaim gives
// them, so an activity of a superseded execution adds nothing to the run.

/// <summary>
/// Claims the run for this execution, records its definition (<c>_run.json</c>) and says how the run goes on: written
/// afresh, extended as a transaction, or already there.
/// </summary>
public sealed class RecordRunActivity(FeedStores stores) : TaskActivity<RecordRunInput, RunPlan>
{
    public override async Task<RunPlan> RunAsync(TaskActivityContext context, RecordRunInput input)
    {
        var parameters = input.Request.Parameters;
        var layout = new FeedLayout(parameters.RunId);
        await WriterClaim.ClaimAsync(stores.Output, layout, input.Orchestration, input.Writer, CancellationToken.None).ConfigureAwait(false);
        var store = WriterClaim.Store(stores.Output, layout, new RunWrite(input.Writer, Staged: false));
        var model = RunModels.Find(parameters.ModelHash, input.Request.ModelText)
            ?? await RunModels.GetAsync(store, layout, parameters, CancellationToken.None).ConfigureAwait(false);
        return await RunStart.BeginAsync(store, layout, new RunDefinition(parameters, input.Request.Fingerprints), model, CancellationToken.None).ConfigureAwait(false);
    }
}

public sealed class PrepareCatalogActivity(FeedStores stores) : TaskActivity<PrepareCatalogInput, CatalogOutcome>
{
    public override async Task<CatalogOutcome> RunAsync(TaskActivityContext context, PrepareCatalogInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        var result = await CatalogStep.RunAsync(WriterClaim.Store(stores.Output, layout, input.Write), layout, CatalogSettings.Of(input.Parameters),
            stores.Sources(input.Inputs), CancellationToken.None).ConfigureAwait(false);
        return new CatalogOutcome(result.Tracks, result.Artists);
    }
}

public sealed class GenerateUsersActivity(FeedStores stores) : TaskActivity<RunStepInput, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, RunStepInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        return UsersStep.RunAsync(WriterClaim.Store(stores.Output, layout, input.Write), layout, input.Parameters, CancellationToken.None);
    }
}

public sealed class SimulateBatchActivity(FeedStores stores) : TaskActivity<SimulateBatchInput, BatchOutcome>
{
    public override async Task<BatchOutcome> RunAsync(TaskActivityContext context, SimulateBatchInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        var store = WriterClaim.Store(stores.Output, layout, input.Write);
        long events = 0, bytes = 0, dropped = 0;
        foreach (var part in input.Parts)
        {
            var result = await SimulationStep.RunAsync(store, layout, input.Parameters, part, input.From, input.To, CancellationToken.None).ConfigureAwait(false);
            events += result.Events;
            bytes += result.Bytes;
            dropped += result.DroppedSessions;
        }
        return new BatchOutcome(events, bytes, dropped);
    }
}

/// <summary>Writes the manifest and <c>_SUCCESS</c>: for an extension, its commit record, which it then applies.</summary>
public sealed class WriteManifestActivity(FeedStores stores) : TaskActivity<RunStepInput, ManifestCounts>
{
    public override async Task<ManifestCounts> RunAsync(TaskActivityContext context, RunStepInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        // The transaction stages and then moves through the checked store itself, so it gets the unstaged one.
        var store = WriterClaim.Store(stores.Output, layout, input.Write with { Staged = false });
        var manifest = await RunTransaction.CommitAsync(store, layout, input.Write.Staged, CancellationToken.None).ConfigureAwait(false);
        return manifest.Counts;
    }
}

/// <summary>Wrapped phase 1 for a batch of parts: each part's summaries and scores, without letters.</summary>
public sealed class ScoreWrappedActivity(FeedStores stores) : TaskActivity<WrappedBatchInput, WrappedBatchOutcome>
{
    public override Task<WrappedBatchOutcome> RunAsync(TaskActivityContext context, WrappedBatchInput input) =>
        WrappedActivity.EachPartAsync(stores, input, WrappedStep.ScorePartAsync);
}

/// <summary>Wrapped phase 2: each year's population medians, over every part's scores. Returns the years.</summary>
public sealed class WrappedMediansActivity(FeedStores stores) : TaskActivity<RunStepInput, int>
{
    public override async Task<int> RunAsync(TaskActivityContext context, RunStepInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        var medians = await WrappedStep.ComputeMediansAsync(WriterClaim.Store(stores.Output, layout, input.Write), layout, input.Parameters,
            CancellationToken.None).ConfigureAwait(false);
        return medians.Years.Count;
    }
}

/// <summary>Wrapped phase 3 for a batch of parts: the letters, <c>wrapped/part-*.avro</c> and each part's agreement.</summary>
public sealed class ClassifyWrappedActivity(FeedStores stores) : TaskActivity<WrappedBatchInput, WrappedBatchOutcome>
{
    public override Task<WrappedBatchOutcome> RunAsync(TaskActivityContext context, WrappedBatchInput input) =>
        WrappedActivity.EachPartAsync(stores, input, WrappedStep.ClassifyPartAsync);
}

internal static class WrappedActivity
{
    public static async Task<WrappedBatchOutcome> EachPartAsync(FeedStores stores, WrappedBatchInput input,
        Func<IFeedStore, FeedLayout, RunParameters, int, CancellationToken, Task<WrappedPartResult>> step)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        var store = WriterClaim.Store(stores.Output, layout, input.Write);
        var total = WrappedBatchOutcome.Zero;
        foreach (var part in input.Parts)
        {
            var result = await step(store, layout, input.Parameters, part, CancellationToken.None).ConfigureAwait(false);
            total = total.Plus(new WrappedBatchOutcome(result.Plays, result.Summaries));
        }
        return total;
    }
}
