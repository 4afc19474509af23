using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

public sealed class GreetActivity : TaskActivity<string, string>
{
    public override Task<string> RunAsync(TaskActivityContext context, string input) =>
        Task.FromResult($"hello {input}");
}
