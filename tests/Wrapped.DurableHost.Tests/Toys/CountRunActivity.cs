using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

public sealed class CountRunActivity : TaskActivity<string, int>
{
    private static readonly ConcurrentDictionary<string, int> Runs = new();

    public static int RunsFor(string key) => Runs.GetValueOrDefault(key);

    public override Task<int> RunAsync(TaskActivityContext context, string input) =>
        Task.FromResult(Runs.AddOrUpdate(input, 1, (_, n) => n + 1));
}
