using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Nothing but fan-out and fan-in, to time the engine rather than retries and timers.</summary>
public sealed class SquaresOrchestrator : TaskOrchestrator<int, long>
{
    public override async Task<long> RunAsync(TaskOrchestrationContext context, int count)
    {
        var squares = new Task<long>[count];
        for (int i = 0; i < count; i++)
        {
            squares[i] = context.CallActivityAsync<long>(nameof(SquareActivity), i);
        }

        return (await Task.WhenAll(squares)).Sum();
    }
}
