using Microsoft.DurableTask.Client;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Turns "this dataset's three CSVs are uploaded" into one orchestration. The instance id is the run id, derived from
/// the dataset, the inputs' contents and the parameters, and the start is start-if-not-exists: a duplicate blob event,
/// a second upload of the same bytes or a repeated HTTP call never starts a second run of the same data.
/// </summary>
public sealed class RunStarter(FeedStores stores, FeedDefaults defaults, TimeProvider clock)
{
    public async Task<StartResult> StartAsync(DurableTaskClient client, string dataset, RunRequestOverrides overrides, CancellationToken cancellationToken)
    {
        var inputs = InputFiles.InFolder(dataset);
        var missing = new List<string>();
        foreach (var path in new[] { inputs.Tracks, inputs.Extended, inputs.Artists })
        {
            if (!await stores.Input.ExistsAsync(path, cancellationToken).ConfigureAwait(false)) missing.Add(path);
        }
        if (missing.Count > 0) return StartResult.Waiting(dataset, missing);

        var fingerprints = await InputFingerprints.ComputeAsync(stores.Sources(inputs), cancellationToken).ConfigureAwait(false);
        var request = BuildRequest(dataset, overrides, inputs, fingerprints);
        var problems = request.Parameters.Problems();
        if (problems.Count > 0) throw new FeedInputException("Invalid parameters: " + string.Join(" ", problems));

        var runId = request.Parameters.RunId;
        // Start-if-not-exists in the backend, not check-then-start: two triggers racing on the same upload start one run.
        var started = await client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, runId, cancellationToken).ConfigureAwait(false);
        return started ? StartResult.Started(runId) : StartResult.AlreadyStarted(runId);
    }

    public FeedRunRequest BuildRequest(string dataset, RunRequestOverrides overrides, InputFiles inputs, IReadOnlyList<ManifestInput> fingerprints)
    {
        var yesterday = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddDays(-1);
        var parameters = overrides.ToParameters(dataset, defaults, yesterday, fingerprints);
        return new FeedRunRequest(parameters, inputs, fingerprints, parameters.Start, parameters.End,
            overrides.BatchSize ?? defaults.BatchSize, overrides.MaxParallelBatches ?? defaults.MaxParallelBatches);
    }
}

public sealed record StartResult(string Status, string? RunId, IReadOnlyList<string> MissingInputs)
{
    public static StartResult Started(string runId) => new("started", runId, []);
    public static StartResult AlreadyStarted(string runId) => new("already-started", runId, []);
    public static StartResult Waiting(string dataset, IReadOnlyList<string> missing) => new("waiting-for-inputs", null, missing);
}
