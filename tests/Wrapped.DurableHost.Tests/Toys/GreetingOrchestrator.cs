using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Greets and names its parent, so a test sees sub-orchestrations know who called them.</summary>
public sealed class GreetingOrchestrator : TaskOrchestrator<string, string>
{
    public override async Task<string> RunAsync(TaskOrchestrationContext context, string input)
    {
        string greeting = await context.CallActivityAsync<string>(nameof(GreetActivity), input);
        return $"{greeting} from {context.Parent?.Name}/{context.Parent?.InstanceId}";
    }
}
