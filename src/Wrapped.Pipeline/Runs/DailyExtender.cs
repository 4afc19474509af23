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
    private readonly RunRequestFactory _requests = new(defaults, clock);

    public async Task<IReadOnlyList<string>> ExtendAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var yesterday = _requests.LatestEnd;
        var started = new List<string>();
        foreach (var runId in await stores.Output.ListFoldersAsync("runs", cancellationToken).ConfigureAwait(false))
        {
            if (RunIdentity.RunIdProblem(runId) is not null) continue; // not a folder this feed wrote
            var layout = new FeedLayout(runId);
            var definition = await stores.Output.TryReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
            if (definition is null || !definition.Parameters.Daily || definition.Parameters.End >= yesterday) continue;
            if (!await stores.Output.ExistsAsync(layout.Success, cancellationToken).ConfigureAwait(false)) continue; // still being written

            var instanceId = RunIdentity.ExtensionInstanceId(runId, yesterday);
            FeedRunRequest request;
            try
            {
                request = _requests.Extend(definition, yesterday);
            }
            catch (FeedInputException)
            {
                continue; // recorded under older rules (e.g. longer than a run may now be): left as it is
            }
            if (await client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, instanceId, cancellationToken).ConfigureAwait(false))
                started.Add(instanceId);
        }
        return started;
    }
}
