using Microsoft.DurableTask.Client;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// The nightly step: every run marked daily whose last day is before yesterday is extended up to yesterday. The
/// extension's instance id names the run and the day, and a run already at yesterday is left alone, so calling this
/// twice for the same night changes nothing.
/// </summary>
public sealed class DailyExtender(FeedStores stores, FeedDefaults defaults, TimeProvider clock)
{
    public async Task<IReadOnlyList<string>> ExtendAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var started = new List<string>();
        foreach (var runId in await stores.Output.ListFoldersAsync("runs", cancellationToken).ConfigureAwait(false))
        {
            var layout = new FeedLayout(runId);
            var definition = await stores.Output.TryReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
            if (definition is null || !definition.Parameters.Daily || definition.Parameters.End >= yesterday) continue;
            if (!await stores.Output.ExistsAsync(layout.Success, cancellationToken).ConfigureAwait(false)) continue; // still being written

            var instanceId = $"{runId}-through-{yesterday:yyyyMMdd}";
            var parameters = definition.Parameters with { End = yesterday };
            var request = new FeedRunRequest(parameters, InputFiles.InFolder(parameters.Dataset), definition.Inputs,
                definition.Parameters.End.AddDays(1), yesterday, defaults.BatchSize, defaults.MaxParallelBatches);
            if (await client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, instanceId, cancellationToken).ConfigureAwait(false))
                started.Add(instanceId);
        }
        return started;
    }
}
