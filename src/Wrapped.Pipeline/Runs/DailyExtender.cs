using Microsoft.DurableTask.Client;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// The nightly step: every run marked daily whose finished part ends before the latest day that has ended in every
/// time zone of its listening model (<see cref="RunCalendar.LatestEnd"/>) is extended up to that day, by the orchestration whose instance id is the run id (so never while another write of the run is live). The
/// decision reads the orchestration's status, not <c>_SUCCESS</c>: a run being written is left alone; a failed or
/// terminated attempt is started again and goes on from what it staged; one that failed on rejected input is not,
/// since a retry could only be rejected again. Calling this twice for the same night changes nothing.
/// </summary>
public sealed class DailyExtender(FeedStores stores, FeedDefaults defaults, TimeProvider clock)
{
    private readonly RunRequestFactory _requests = new(defaults, clock);

    public async Task<IReadOnlyList<string>> ExtendAllAsync(DurableTaskClient client, CancellationToken cancellationToken)
    {
        var started = new List<string>();
        foreach (var runId in await stores.Output.ListFoldersAsync("runs", cancellationToken).ConfigureAwait(false))
        {
            if (await RequestFor(runId, cancellationToken).ConfigureAwait(false) is not { } request) continue;
            var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
            if (instance is not null && (instance.IsLive() || FeedRetry.IsPermanent(instance.FailureDetails))) continue;
            if (await client.StartUnlessLiveAsync(nameof(FeedOrchestrator), request, runId, cancellationToken).ConfigureAwait(false))
                started.Add(runId);
        }
        return started;
    }

    /// <summary>The extension a daily run needs tonight, or null: not daily, already at its latest end, or not a readable run.</summary>
    private async Task<FeedRunRequest?> RequestFor(string runId, CancellationToken cancellationToken)
    {
        try
        {
            var layout = new FeedLayout(runId);
            var definition = await stores.Output.TryReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
            if (definition is null || !definition.Parameters.Daily) return null;
            // The run's own model (its _model.json), whose time zones decide which day has ended everywhere.
            var model = await RunModels.GetAsync(stores.Output, layout, definition.Parameters, cancellationToken).ConfigureAwait(false);
            var latest = _requests.LatestEndOf(model);
            // The finished run's end; a first write that never finished starts again from the run's first day.
            var finished = await stores.Output.TryReadJsonAsync<FeedManifest>(layout.Manifest, cancellationToken).ConfigureAwait(false);
            if (finished is not null && finished.Parameters.End >= latest) return null;
            var from = finished?.Parameters.End.AddDays(1) ?? definition.Parameters.Start;

            return _requests.Extend(definition, model, from, latest);
        }
        catch (Exception e) when (e is ArgumentException or System.Text.Json.JsonException or InvalidDataException or FeedInputException)
        {
            // A folder that is no run, a damaged one (validate says which), or one recorded under older rules than
            // the factory's: it must not stop the other runs' night.
            return null;
        }
    }
}
