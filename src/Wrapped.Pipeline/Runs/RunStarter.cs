using Microsoft.DurableTask.Client;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Turns "this dataset's three CSVs are uploaded" into one orchestration. The instance id is the run id, derived from
/// the dataset, the inputs' contents and the parameters, and the start is start-if-not-exists: a duplicate blob event,
/// a second upload of the same bytes or a repeated HTTP call never starts a second run of the same data.
/// </summary>
public sealed class RunStarter(FeedStores stores, FeedDefaults defaults, TimeProvider clock)
{
    private readonly RunRequestFactory _requests = new(defaults, clock);

    /// <exception cref="Steps.FeedInputException">The dataset name or a parameter breaks a rule: nothing was read or started.</exception>
    public async Task<StartResult> StartAsync(DurableTaskClient client, string dataset, RunRequestOverrides overrides, CancellationToken cancellationToken)
    {
        // Before the dataset name becomes part of any blob path.
        _requests.ThrowIfInvalid(dataset, overrides);
        var inputs = InputFiles.InFolder(dataset);
        var missing = new List<string>();
        foreach (var path in new[] { inputs.Tracks, inputs.Extended, inputs.Artists })
        {
            if (!await stores.Input.ExistsAsync(path, cancellationToken).ConfigureAwait(false)) missing.Add(path);
        }
        if (missing.Count > 0) return StartResult.Waiting(dataset, missing);

        var fingerprints = await InputFingerprints.ComputeAsync(stores.Sources(inputs), cancellationToken).ConfigureAwait(false);
        var request = _requests.Create(dataset, overrides, inputs, fingerprints);
        var runId = request.Parameters.RunId;
        // Start-if-not-exists in the backend, not check-then-start: two triggers racing on the same upload start one run.
        var started = await client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, runId, cancellationToken).ConfigureAwait(false);
        return started ? StartResult.Started(runId) : StartResult.AlreadyStarted(runId);
    }
}

public sealed record StartResult(string Status, string? RunId, IReadOnlyList<string> MissingInputs, string? Error = null)
{
    public static StartResult Started(string runId) => new("started", runId, []);
    public static StartResult AlreadyStarted(string runId) => new("already-started", runId, []);
    public static StartResult Waiting(string dataset, IReadOnlyList<string> missing) => new("waiting-for-inputs", null, missing);

    /// <summary>Nothing was started: the dataset's name or its parameters break a rule.</summary>
    public static StartResult Rejected(string error) => new("rejected", null, [], error);
}
