using Wrapped.DurableHost.Azurite;
using Xunit;

namespace Wrapped.TestSupport;

/// <summary>One private Azurite per test run, on free ports in a temp folder, so parallel runs never collide.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    readonly string dataDirectory = Path.Combine(Path.GetTempPath(), "wrapped-azurite-" + Guid.NewGuid().ToString("N"));
    AzuriteProcess? azurite;

    public string ConnectionString =>
        this.azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        this.azurite = await AzuriteProcess.StartAsync(this.dataDirectory, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (this.azurite is not null)
        {
            await this.azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(this.dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }

    /// <summary>A fresh task hub name, so tests sharing this Azurite never see each other's instances.</summary>
    public static string NewTaskHubName() => "t" + Guid.NewGuid().ToString("N")[..16];
}
