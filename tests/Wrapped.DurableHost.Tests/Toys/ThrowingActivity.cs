using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

public sealed class ThrowingActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        throw new InvalidOperationException($"boom: {input}");
}
