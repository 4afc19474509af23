using System.Collections.Concurrent;
using Microsoft.DurableTask;

namespace Wrapped.DurableHost.Tests.Toys;

/// <summary>Fails the first two calls per key, then returns how many calls it took.</summary>
public sealed class FlakyActivity : TaskActivity<string, int>
{
    public const int Failures = 2;

    // Static because the host builds a fresh activity object per execution.
    private static readonly ConcurrentDictionary<string, int> Calls = new();

    public static int CallsFor(string key) => Calls.GetValueOrDefault(key);

    public override Task<int> RunAsync(TaskActivityContext context, string input)
    {
        int call = Calls.AddOrUpdate(input, 1, (_, n) => n + 1);
        return call <= Failures
            ? throw new InvalidOperationException($"Flaky failure {call} for {input}.")
            : Task.FromResult(call);
    }
}
