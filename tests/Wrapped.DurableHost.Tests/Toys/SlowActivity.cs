using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Outlives several visibility timeouts, to prove lock renewal keeps a long batch from running twice.</summary>
public sealed class SlowActivity : TaskActivity<string, int>
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(25);

    private static readonly ConcurrentDictionary<string, int> Runs = new();

    public static int RunsFor(string key) => Runs.GetValueOrDefault(key);

    public override async Task<int> RunAsync(TaskActivityContext context, string input)
    {
        int run = Runs.AddOrUpdate(input, 1, (_, n) => n + 1);
        await Task.Delay(Duration);
        return run;
    }
}
