using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

public sealed class SquareActivity : TaskActivity<int, long>
{
    public override Task<long> RunAsync(TaskActivityContext context, int input) => Task.FromResult((long)input * input);
}
