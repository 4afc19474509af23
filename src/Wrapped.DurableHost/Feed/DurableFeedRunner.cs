using System.Diagnostics;
using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
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
/// resumes when started again) unless a storage connection is given.
/// </summary>
public static class DurableFeedRunner
{
    public const string TaskHubName = "WrappedFeedLocal";

    public static async Task<FeedRunResult> RunAsync(
        FeedStores stores, FeedRunRequest request, DurableRunOptions options, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
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

        var runId = request.Parameters.RunId;
        await StartOrResumeAsync(host.Client, request, cancellationToken).ConfigureAwait(false);
        var finished = await WatchAsync(host.Client, runId, progress, cancellationToken).ConfigureAwait(false);
        return finished.RuntimeStatus switch
        {
            OrchestrationRuntimeStatus.Completed => finished.ReadOutputAs<FeedRunResult>()
                ?? throw new InvalidOperationException($"Run {runId} completed without a result."),
            _ => throw DurableRunFailure.From(finished),
        };
    }

    /// <summary>Starts the run, or lets an unfinished instance of it (a killed earlier attempt) carry on.</summary>
    private static async Task StartOrResumeAsync(DurableTaskClient client, FeedRunRequest request, CancellationToken cancellationToken)
    {
        var runId = request.Parameters.RunId;
        var existing = await client.GetInstanceAsync(runId, getInputsAndOutputs: false, cancellationToken).ConfigureAwait(false);
        if (existing is { RuntimeStatus: OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending }) return;
        if (existing is not null)
        {
            // A finished, failed or terminated instance: run again (it skips what is already done).
            await client.PurgeInstanceAsync(runId, cancellationToken).ConfigureAwait(false);
        }
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(FeedOrchestrator), request,
            new StartOrchestrationOptions { InstanceId = runId }, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<OrchestrationMetadata> WatchAsync(
        DurableTaskClient client, string runId, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
        var interval = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException($"Run {runId} disappeared from the task hub.");
            if (instance.SerializedCustomStatus is { } status && progress is not null)
            {
                var feedProgress = JsonSerializer.Deserialize<FeedProgress>(status, FeedJson.Options);
                if (feedProgress is not null)
                    progress.Report(new RunProgress(feedProgress.Stage, feedProgress.BatchesDone, feedProgress.BatchesTotal, feedProgress.EventsWritten));
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
