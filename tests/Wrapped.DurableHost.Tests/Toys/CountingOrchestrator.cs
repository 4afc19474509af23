using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Records each start through an activity, so a test can count how many instances really ran.</summary>
public sealed class CountingOrchestrator : TaskOrchestrator<string, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, string input)
    {
        int runs = await context.CallActivityAsync<int>(nameof(CountRunActivity), input);
        await context.CreateTimer(TimeSpan.FromSeconds(1), CancellationToken.None);
        return runs;
    }
}
