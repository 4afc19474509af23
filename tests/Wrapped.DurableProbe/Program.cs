using Wrapped.DurableHost;
using Wrapped.DurableProbe;

// Usage: Wrapped.DurableProbe <connection-string> <task-hub>
// Runs the durable worker until killed or until stdin closes; prints "ready" once it dispatches work.
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: Wrapped.DurableProbe <connection-string> <task-hub>");
    return 2;
}

await using LocalDurableHost host = LocalDurableHost.Create(
    new LocalDurableHostOptions { ConnectionString = args[0], TaskHubName = args[1] },
    registry => registry
        .AddOrchestrator<ResumableOrchestrator>()
        .AddActivity<MarkerActivity>());

using var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
await host.StartAsync(startTimeout.Token);
Console.WriteLine("ready");

// The parent stops a graceful run by closing stdin; a crash test kills the process instead.
await Console.In.ReadToEndAsync();
return 0;
