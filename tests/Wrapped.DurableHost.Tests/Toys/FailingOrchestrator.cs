using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Lets an activity's exception escape, as a run with a rejected input would.</summary>
public sealed class FailingOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        await context.CallActivityAsync<string>(nameof(ThrowingActivity), input);
}
