using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

public sealed class SlowOrchestrator : TaskOrchestrator<string, int>
{
    public override Task<int> RunAsync(TaskOrchestrationContext context, string input) =>
        context.CallActivityAsync<int>(nameof(SlowActivity), input);
}
