using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Wrapped.Pipeline.Durable;

/// <summary>Client helpers that behave the same on the local host and on the Function app's gRPC client.</summary>
public static class DurableTaskClientExtensions
{
    /// <summary>
    /// Starts <paramref name="orchestratorName"/> as <paramref name="instanceId"/> unless an instance with that id is
    /// pending, running, suspended or completed; a failed or terminated one is started afresh.
    /// </summary>
    /// <returns><c>true</c> when this call started the instance, <c>false</c> when one already existed.</returns>
    /// <remarks>
    /// Passes the statuses explicitly: without them the Functions host's default may restart a completed
    /// instance, while this host's default never does. Both clients report a conflict with
    /// <see cref="OrchestrationAlreadyExistsException"/>.
    /// </remarks>
    public static async Task<bool> ScheduleIfNewAsync(
        this DurableTaskClient client,
        TaskName orchestratorName,
        object? input,
        string instanceId,
        CancellationToken cancellation = default)
    {
        StartOrchestrationOptions options = new StartOrchestrationOptions(instanceId)
            .WithDedupeStatuses([.. TaskHubDurableTaskClient.StartIfNotExistsStatuses]);
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
