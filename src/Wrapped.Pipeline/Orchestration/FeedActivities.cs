using Microsoft.DurableTask;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Orchestration;

// Each activity is a thin adapter over a step: the same code the local runner calls. All are idempotent, because
// after a crash the Durable engine can deliver an activity twice.

/// <summary>Records the run's definition (<c>_run.json</c>) and clears <c>_SUCCESS</c> while the run is being written.</summary>
public sealed class RecordRunActivity(FeedStores stores) : TaskActivity<FeedRunRequest, string>
{
    public override async Task<string> RunAsync(TaskActivityContext context, FeedRunRequest input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        await RunStart.RecordAsync(stores.Output, layout, new RunDefinition(input.Parameters, input.Fingerprints), CancellationToken.None).ConfigureAwait(false);
        return layout.Root;
    }
}

public sealed class PrepareCatalogActivity(FeedStores stores) : TaskActivity<PrepareCatalogInput, CatalogOutcome>
{
    public override async Task<CatalogOutcome> RunAsync(TaskActivityContext context, PrepareCatalogInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        var result = await CatalogStep.RunAsync(stores.Output, layout, CatalogSettings.Of(input.Parameters), stores.Sources(input.Inputs), CancellationToken.None).ConfigureAwait(false);
        return new CatalogOutcome(result.Tracks, result.Artists);
    }
}

public sealed class GenerateUsersActivity(FeedStores stores) : TaskActivity<RunStepInput, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, RunStepInput input) =>
        UsersStep.RunAsync(stores.Output, new FeedLayout(input.Parameters.RunId), input.Parameters, CancellationToken.None);
}

public sealed class SimulateBatchActivity(FeedStores stores) : TaskActivity<SimulateBatchInput, BatchOutcome>
{
    public override async Task<BatchOutcome> RunAsync(TaskActivityContext context, SimulateBatchInput input)
    {
        var layout = new FeedLayout(input.Parameters.RunId);
        long events = 0, bytes = 0, dropped = 0;
        foreach (var part in input.Parts)
        {
            var result = await SimulationStep.RunAsync(stores.Output, layout, input.Parameters, part, input.From, input.To, CancellationToken.None).ConfigureAwait(false);
            events += result.Events;
            bytes += result.Bytes;
            dropped += result.DroppedSessions;
        }
        return new BatchOutcome(events, bytes, dropped);
    }
}

public sealed class WriteManifestActivity(FeedStores stores) : TaskActivity<RunStepInput, ManifestCounts>
{
    public override async Task<ManifestCounts> RunAsync(TaskActivityContext context, RunStepInput input)
    {
        var manifest = await ManifestStep.RunAsync(stores.Output, new FeedLayout(input.Parameters.RunId), CancellationToken.None).ConfigureAwait(false);
        return manifest.Counts;
    }
}
