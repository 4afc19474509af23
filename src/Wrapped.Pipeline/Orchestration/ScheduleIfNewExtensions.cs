using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>Start-if-new, the same on the one-machine host and on the Function app's gRPC client.</summary>
public static class ScheduleIfNewExtensions
{
    /// <summary>Statuses of a live instance: a start under its id never replaces it.</summary>
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> LiveStatuses =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
#pragma warning disable CS0618 // Obsolete in the SDK, but Core passes through it between generations.
        OrchestrationRuntimeStatus.ContinuedAsNew,
#pragma warning restore CS0618
    ];

    /// <summary>
    /// Statuses that make a start with a caller-chosen instance id a no-op: a live or finished run is never started
    /// twice, while a failed or terminated one may be started afresh under the same id. The one-machine host's client
    /// applies them too when a caller passes none.
    /// </summary>
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> DedupeStatuses = [.. LiveStatuses, OrchestrationRuntimeStatus.Completed];

    /// <summary>Whether an instance is being run (so nothing else may start under its id).</summary>
    public static bool IsLive(this OrchestrationMetadata instance) => LiveStatuses.Contains(instance.RuntimeStatus);

    /// <summary>
    /// Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/> unless an instance with that id is
    /// pending, running, suspended or completed; a failed or terminated one is started afresh.
    /// </summary>
    /// <returns><c>true</c> when this call started the instance, <c>false</c> when one already existed.</returns>
    /// <remarks>
    /// Passes the statuses explicitly: without them the Functions host's default may restart a completed
    /// instance, while the one-machine host's default never does. Both clients report a conflict with
    /// <see cref="OrchestrationAlreadyExistsException"/> (DurableTask.Core's, which the SDK's gRPC client throws too).
    /// </remarks>
    public static Task<bool> ScheduleIfNewAsync(
        this DurableTaskClient client,
        TaskName orchestratorName,
        object? input,
        string instanceId,
        CancellationToken cancellation = default) =>
        StartUnlessAsync(client, orchestratorName, input, instanceId, DedupeStatuses, cancellation);

    /// <summary>
    /// Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/> unless an instance with that id is
    /// live; a completed, failed or terminated one is replaced by a new execution. This is how a run is extended or
    /// retried under its own id, so the engine never runs two executions of one run at once.
    /// </summary>
    /// <returns><c>true</c> when this call started the instance, <c>false</c> when a live one already existed.</returns>
    public static Task<bool> StartUnlessLiveAsync(
        this DurableTaskClient client,
        TaskName orchestratorName,
        object? input,
        string instanceId,
        CancellationToken cancellation = default) =>
        StartUnlessAsync(client, orchestratorName, input, instanceId, LiveStatuses, cancellation);

    private static async Task<bool> StartUnlessAsync(
        DurableTaskClient client, TaskName orchestratorName, object? input, string instanceId,
        IReadOnlyList<OrchestrationRuntimeStatus> statuses, CancellationToken cancellation)
    {
        StartOrchestrationOptions options = new StartOrchestrationOptions(instanceId)
            .WithDedupeStatuses([.. statuses]);
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(orchestratorName, input, options, cancellation);
            return true;
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return false;
        }
    }
}
