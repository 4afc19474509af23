using Wrapped.DurableHost.Tests.Toys;
using Wrapped.TestSupport;

namespace Wrapped.DurableHost.Tests;

internal static class HostFactory
{
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(120);

    public static async Task<LocalDurableHost> StartAsync(string connectionString, string? taskHubName = null)
    {
        LocalDurableHost host = LocalDurableHost.Create(
            new LocalDurableHostOptions
            {
                ConnectionString = connectionString,
                TaskHubName = taskHubName ?? AzuriteFixture.NewTaskHubName(),
            },
            ToyRegistrations.RegisterAll);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await host.StartAsync(timeout.Token);
        return host;
    }
}
