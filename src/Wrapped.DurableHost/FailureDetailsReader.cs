using System.Text.Json;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;

namespace Wrapped.DurableHost;

/// <summary>Recovers a failed instance's structured failure, which the Azure Storage instance table flattens.</summary>
/// <remarks>
/// The backend stores only <c>"{ErrorType}: {ErrorMessage}"</c> as the instance's output and leaves
/// <see cref="OrchestrationState.FailureDetails"/> empty; the full details, inner failure included, live on the
/// ExecutionCompleted event of the instance's history.
/// </remarks>
internal static class FailureDetailsReader
{
    private const int ExecutionCompletedEventType = 1;

    public static async Task<TaskFailureDetails?> ReadAsync(
        AzureStorageOrchestrationService service, OrchestrationState state, CancellationToken ct)
    {
        string json = await service
            .GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId)
            .WaitAsync(ct);
        using JsonDocument history = JsonDocument.Parse(json);
        if (history.RootElement.ValueKind != JsonValueKind.Array)
        {
            return FromOutput(state.Output);
        }

        foreach (JsonElement e in history.RootElement.EnumerateArray().Reverse())
        {
            if (IsExecutionCompleted(e) &&
                e.TryGetProperty("FailureDetails", out JsonElement details) &&
                details.ValueKind == JsonValueKind.Object)
            {
                return FromJson(details);
            }
        }

        return FromOutput(state.Output);
    }

    private static bool IsExecutionCompleted(JsonElement e) =>
        e.TryGetProperty("EventType", out JsonElement type) && type.ValueKind switch
        {
            JsonValueKind.Number => type.GetInt32() == ExecutionCompletedEventType,
            JsonValueKind.String => type.GetString() == "ExecutionCompleted",
            _ => false,
        };

    private static TaskFailureDetails FromJson(JsonElement e) => new(
        Text(e, "ErrorType") ?? "Unknown",
        Text(e, "ErrorMessage") ?? string.Empty,
        Text(e, "StackTrace"),
        e.TryGetProperty("InnerFailure", out JsonElement inner) && inner.ValueKind == JsonValueKind.Object
            ? FromJson(inner)
            : null,
        null);

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    // Last resort when the history is gone (purged) or unreadable: split the flattened "Type: message".
    private static TaskFailureDetails? FromOutput(string? output)
    {
        if (output is null)
        {
            return null;
        }

        int colon = output.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && !output[..colon].Contains(' ')
            ? new TaskFailureDetails(output[..colon], output[(colon + 2)..], null, null, null)
            : new TaskFailureDetails("Unknown", output, null, null, null);
    }
}
