using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Exercises what the feed orchestrator relies on: fan-out, progress, retries and a sub-orchestration.</summary>
public sealed class FanOutOrchestrator : TaskOrchestrator<FanOutInput, FanOutResult>
{
    private static readonly TaskOptions Retry = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 4, firstRetryInterval: TimeSpan.FromMilliseconds(200)));

    public override async Task<FanOutResult> RunAsync(TaskOrchestrationContext context, FanOutInput input)
    {
        context.SetCustomStatus(new FanOutProgress("fan-out", 0, input.Count));
        var squares = new List<Task<long>>(input.Count);
        for (int i = 0; i < input.Count; i++)
        {
            squares.Add(context.CallActivityAsync<long>(nameof(SquareActivity), i));
        }

        long[] results = await Task.WhenAll(squares);
        context.SetCustomStatus(new FanOutProgress("retry", input.Count, input.Count));

        int attempts = await context.CallActivityAsync<int>(nameof(FlakyActivity), input.FlakyKey, Retry);
        string greeting = await context.CallSubOrchestratorAsync<string>(nameof(GreetingOrchestrator), "feed");
        context.SetCustomStatus(new FanOutProgress("done", input.Count, input.Count));
        return new FanOutResult(results.Sum(), attempts, greeting);
    }
}
