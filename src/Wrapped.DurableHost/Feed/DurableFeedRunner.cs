using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using Wrapped.Core.Feed;
using Wrapped.DurableHost.Azurite;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.DurableHost.Feed;

/// <summary>
/// <c>run --durable</c>: the Function app's orchestration on the Durable Task engine with Azure Storage as its
/// backend, on this machine. Starts a private Azurite (its data kept under the output folder, so a killed run
/// resumes when started again) unless a storage connection is given. This process is the orchestration's client and
/// holds the run's lock for the run's life, so no other process writes the run meanwhile; the orchestration's
/// activities, here or in <c>worker</c> processes, write on its behalf (see <see cref="WriterClaim"/>).
/// </summary>
public static class DurableFeedRunner
{
    public const string TaskHubName = "WrappedFeedLocal";

    public static async Task<RunOutcome> RunAsync(
        FeedStores stores, FeedRunRequest request, DurableRunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var runId = request.Parameters.RunId;
        var layout = new FeedLayout(runId);
        var stopwatch = Stopwatch.StartNew();
        await using var held = await RunLock.AcquireAsync(stores.Output, layout, RunWriter.ThisProcess(orchestration: runId), cancellationToken)
            .ConfigureAwait(false);
        await using var azurite = options.StorageConnectionString is null
            ? await AzuriteProcess.StartAsync(options.AzuriteDataDirectory, cancellationToken).ConfigureAwait(false)
            : null;
        var connection = options.StorageConnectionString ?? azurite!.ConnectionString;
        await using var host = LocalDurableHost.Create(
            new LocalDurableHostOptions
            {
                ConnectionString = connection,
                TaskHubName = options.TaskHubName,
                MaxConcurrentActivities = Math.Max(1, request.MaxParallelBatches),
                LoggerFactory = options.LoggerFactory,
            },
            registry => FeedRegistrations.Register(registry, stores));
        await host.StartAsync(cancellationToken).ConfigureAwait(false);

        await StartOrResumeAsync(host.Client, request, cancellationToken).ConfigureAwait(false);
        var finished = await WatchAsync(host.Client, runId, progress, cancellationToken).ConfigureAwait(false);
        if (finished.RuntimeStatus != OrchestrationRuntimeStatus.Completed) throw DurableRunFailure.From(finished);
        var manifest = await stores.Output.ReadJsonAsync<FeedManifest>(layout.Manifest, cancellationToken).ConfigureAwait(false);
        return new RunOutcome(layout, manifest, stopwatch.Elapsed);
    }

    /// <summary>
    /// Lets an unfinished instance of this very request (a killed earlier attempt) carry on; an instance of another
    /// request of the run is ended first (what it staged stays, for the request that asked for it), and a finished,
    /// failed or terminated one is replaced by a new execution, which skips what is already done.
    /// </summary>
    private static async Task StartOrResumeAsync(DurableTaskClient client, FeedRunRequest request, CancellationToken cancellationToken)
    {
        var runId = request.Parameters.RunId;
        var existing = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false);
        if (existing is not null && existing.IsLive())
        {
            // The host above writes inputs with the default converter.
            if (existing.SerializedInput == JsonDataConverter.Default.Serialize(request)) return;
            await client.TerminateInstanceAsync(runId, "replaced by another request of the same run", cancellationToken).ConfigureAwait(false);
            await client.WaitForInstanceCompletionAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        }
        await client.StartUnlessLiveAsync(nameof(FeedOrchestrator), request, runId, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<OrchestrationMetadata> WatchAsync(
        DurableTaskClient client, string runId, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {runId} disappeared from the task hub.");
            if (instance.SerializedCustomStatus is { } status && progress is not null
                && JsonSerializer.Deserialize<RunProgress>(status, FeedJson.Options) is { } reported)
            {
                progress.Report(reported);
            }
            if (instance.RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated)
                return instance;
            await Task.Delay(interval, cancellationToken).ConfigureAwait(false);
        }
    }
}

/// <summary>How <c>run --durable</c> reaches its task hub.</summary>
/// <param name="StorageConnectionString">An existing storage account (or Azurite); null starts a private Azurite.</param>
/// <param name="AzuriteDataDirectory">Where the private Azurite keeps its data, so a killed run finds its state again.</param>
public sealed record DurableRunOptions(string? StorageConnectionString, string AzuriteDataDirectory, ILoggerFactory LoggerFactory)
{
    public string TaskHubName { get; init; } = DurableFeedRunner.TaskHubName;
}

/// <summary>A durable run that ended without success, with the orchestration's own error.</summary>
public static class DurableRunFailure
{
    public static Exception From(OrchestrationMetadata instance)
    {
        var failure = instance.FailureDetails;
        var message = $"Run {instance.InstanceId} {instance.RuntimeStatus.ToString().ToLowerInvariant()}: {failure?.ErrorMessage ?? "no details"}";
        return FeedRetry.IsPermanent(failure) ? new FeedInputException(message) : new InvalidOperationException(message);
    }
}
