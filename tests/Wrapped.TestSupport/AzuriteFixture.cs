using Wrapped.DurableHost.Azurite;
using Xunit;

namespace Wrapped.TestSupport;

/// <summary>One private Azurite per test run, on free ports in a temp folder, so parallel runs never collide.</summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "wrapped-azurite-" + Guid.NewGuid().ToString("N"));
    private AzuriteProcess? _azurite;

    public string ConnectionString =>
        _azurite?.ConnectionString ?? throw new InvalidOperationException("Azurite has not started.");

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _azurite = await AzuriteProcess.StartAsync(_dataDirectory, timeout.Token);
    }

    public async Task DisposeAsync()
    {
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }

    /// <summary>A fresh task hub name, so tests sharing this Azurite never see each other's instances.</summary>
    public static string NewTaskHubName() => "t" + Guid.NewGuid().ToString("N")[..16];
}
