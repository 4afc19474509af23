using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

public sealed record Approval(string By, int Level);

/// <summary>Waits for an external event, to prove event payloads round-trip through the client.</summary>
public sealed class ApprovalOrchestrator : TaskOrchestrator<string, Approval>
{
    public const string EventName = "approve";

    public override Task<Approval> RunAsync(TaskOrchestrationContext context, string input) =>
        context.WaitForExternalEvent<Approval>(EventName);
}
