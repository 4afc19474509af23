using Microsoft.DurableTask;

namespace Wrapped.Pipeline.Tests.Durable.Toys;

public sealed class GreetingOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input) =>
        await context.CallActivityAsync<string>(nameof(GreetActivity), input);
}
