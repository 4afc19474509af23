using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>Start-if-new, the same on the one-machine host and on the Function app's gRPC client.</summary>
public static class ScheduleIfNewExtensions
{
    /// <summary>
    /// Statuses that make a start with a caller-chosen instance id a no-op: a live or finished run is never started
    /// twice, while a failed or terminated one may be started afresh under the same id. The one-machine host's client
    /// applies them too when a caller passes none.
    /// </summary>
    public static readonly IReadOnlyList<OrchestrationRuntimeStatus> DedupeStatuses =
    [
        OrchestrationRuntimeStatus.Pending,
        OrchestrationRuntimeStatus.Running,
        OrchestrationRuntimeStatus.Suspended,
#pragma warning disable CS0618 // Obsolete in the SDK, but Core passes through it between generations.
        OrchestrationRuntimeStatus.ContinuedAsNew,
#pragma warning restore CS0618
        OrchestrationRuntimeStatus.Completed,
    ];

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
    public static async Task<bool> ScheduleIfNewAsync(
        this DurableTaskClient client,
        TaskName orchestratorName,
        object? input,
        string instanceId,
        CancellationToken cancellation = default)
    {
        StartOrchestrationOptions options = new StartOrchestrationOptions(instanceId)
            .WithDedupeStatuses([.. DedupeStatuses]);
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
