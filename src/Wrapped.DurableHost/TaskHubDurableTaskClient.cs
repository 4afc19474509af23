using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Wrapped.Pipeline.Orchestration;
using SdkDataConverter = Microsoft.DurableTask.DataConverter;
using SdkPurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace Wrapped.DurableHost;

/// <summary>
/// The SDK's <see cref="DurableTaskClient"/> over DurableTask.Core's <see cref="TaskHubClient"/>, so the CLI,
/// the tests and the Function app's trigger methods all speak one client API.
/// </summary>
/// <remarks>
/// Covers what the product uses: schedule, get, wait, raise, suspend, resume, terminate, purge. The rest throws
/// <see cref="NotSupportedException"/> naming the member.
/// </remarks>
public sealed class TaskHubDurableTaskClient : DurableTaskClient
{
    private static readonly TimeSpan MaxPollInterval = TimeSpan.FromSeconds(1);

    private readonly TaskHubClient _client;
    private readonly AzureStorageOrchestrationService _service;
    private readonly SdkDataConverter _converter;

    internal TaskHubDurableTaskClient(
        string name, TaskHubClient client, AzureStorageOrchestrationService service, SdkDataConverter converter)
        : base(name)
    {
        _client = client;
        _service = service;
        _converter = converter;
    }

    /// <summary>Schedules an orchestration; with a known instance id it starts only if none exists.</summary>
    /// <remarks>
    /// Deduplication is the backend's: <see cref="TaskHubClient"/>'s overload taking dedupe statuses makes the Azure
    /// Storage service read the instance row and refuse when its status is listed. Without
    /// <see cref="StartOrchestrationOptions.DedupeStatuses"/>, <see cref="ScheduleIfNewExtensions.DedupeStatuses"/>
    /// apply and a duplicate returns the existing id silently. With them, a duplicate throws
    /// <see cref="OrchestrationAlreadyExistsException"/>, as the SDK documents. Two starts racing within
    /// milliseconds can both pass the check; the backend then drops the second start message for a running
    /// instance.
    /// </remarks>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName,
        object? input = null,
        StartOrchestrationOptions? options = null,
        CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        string instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        bool callerDedupes = options?.DedupeStatuses is not null;
        OrchestrationStatus[] dedupe = callerDedupes
            ? options!.DedupeStatuses!.Select(ParseStatus).ToArray()
            : ScheduleIfNewExtensions.DedupeStatuses.Select(OrchestrationStateMapper.ToCoreStatus).ToArray();
        Dictionary<string, string> tags = options?.Tags?.ToDictionary() ?? [];
        string version = options?.Version?.Version ?? string.Empty;

        try
        {
            if (options?.StartAt is { } startAt)
            {
                await _client.CreateOrchestrationInstanceAsync(
                    orchestratorName.Name, version, instanceId, input, tags, dedupe, startAt.UtcDateTime);
            }
            else
            {
                await _client.CreateOrchestrationInstanceAsync(
                    orchestratorName.Name, version, instanceId, input, tags, dedupe);
            }
        }
        catch (OrchestrationAlreadyExistsException) when (!callerDedupes)
        {
            // Start-if-not-exists: the existing instance is the answer.
        }

        return instanceId;
    }

    public override Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return _client.RaiseEventAsync(Instance(instanceId), eventName, eventPayload!);
    }

    public override Task<OrchestrationMetadata?> GetInstanceAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation);

    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        IList<OrchestrationState> states = await _service
            .GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: getInputsAndOutputs)
            .WaitAsync(cancellation);
        OrchestrationState? latest = states.FirstOrDefault(s => s is not null);
        if (latest is null)
        {
            return null;
        }

        TaskFailureDetails? failure = latest.OrchestrationStatus == OrchestrationStatus.Failed
            ? OrchestrationStateMapper.ToFailureDetails(latest.FailureDetails)
                ?? await FailureDetailsReader.ReadAsync(_service, latest, cancellation)
            : null;
        return OrchestrationStateMapper.ToMetadata(latest, getInputsAndOutputs, _converter, failure);
    }

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => PollUntilAsync(
            instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
        => PollUntilAsync(instanceId, getInputsAndOutputs, IsTerminal, cancellation);

    public override Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (options?.Recursive == true)
        {
            throw new NotSupportedException(
                $"{nameof(TerminateInstanceAsync)} with {nameof(TerminateInstanceOptions.Recursive)} is not supported.");
        }

        // Core records the reason as the instance's output, so it is serialized like any other output.
        string? reason = options?.Output is null ? null : _converter.Serialize(options.Output);
        return _client.TerminateInstanceAsync(Instance(instanceId), reason!);
    }

    public override Task SuspendInstanceAsync(
        string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return _client.SuspendInstanceAsync(Instance(instanceId), reason);
    }

    public override Task ResumeInstanceAsync(
        string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        return _client.ResumeInstanceAsync(Instance(instanceId), reason);
    }

    /// <summary>Deletes the instance's history and state; a running instance should be terminated first.</summary>
    public override async Task<SdkPurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        cancellation.ThrowIfCancellationRequested();
        if (options?.Recursive == true)
        {
            throw new NotSupportedException(
                $"{nameof(PurgeInstanceAsync)} with {nameof(PurgeInstanceOptions.Recursive)} is not supported.");
        }

        DurableTask.Core.PurgeResult result =
            await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(instanceId);
        return new SdkPurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
        => throw new NotSupportedException($"{nameof(TaskHubDurableTaskClient)}.{nameof(GetAllInstancesAsync)} is not supported.");

    /// <summary>The host owns the storage service; there is nothing of the client's own to release.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<OrchestrationMetadata> PollUntilAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken ct)
    {
        // Starts quick for short orchestrations and backs off so long runs cost one read a second.
        TimeSpan delay = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            OrchestrationMetadata? metadata = await GetInstancesAsync(instanceId, getInputsAndOutputs, ct);
            if (metadata is not null && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, ct);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollInterval.Ticks));
        }
    }

    private static bool IsTerminal(OrchestrationMetadata metadata) => metadata.RuntimeStatus is
        OrchestrationRuntimeStatus.Completed or
        OrchestrationRuntimeStatus.Failed or
        OrchestrationRuntimeStatus.Terminated
#pragma warning disable CS0618 // Core may still report Canceled.
        or OrchestrationRuntimeStatus.Canceled;
#pragma warning restore CS0618

    private static OrchestrationStatus ParseStatus(string status) =>
        Enum.TryParse(status, ignoreCase: true, out OrchestrationRuntimeStatus parsed)
            ? OrchestrationStateMapper.ToCoreStatus(parsed)
            : throw new ArgumentException($"'{status}' is not an orchestration runtime status.", nameof(status));

    private static OrchestrationInstance Instance(string instanceId) => new() { InstanceId = instanceId };
}
