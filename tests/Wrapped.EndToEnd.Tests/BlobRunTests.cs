using System.Text.Json;
using Azure.Storage.Blobs;
using Wrapped.Core.Feed;
using Wrapped.DurableHost.Azurite;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

/// <summary>A run in a blob container: its writer's lease, and <c>validate --connection</c>.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class BlobRunTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private static readonly DateOnly Start = new(2024, 3, 1);
    private readonly BlobContainerClient _container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient($"feed-{Guid.NewGuid():N}"[..20]);
    private readonly FeedLayout _layout = new("leased");

    [Fact]
    public async Task RunLock_OnABlobRun_SecondWriterIsRefusedNamingTheHolder_AndTakesItOnceReleased()
    {
        var store = new BlobFeedStore(_container);
        var holder = RunWriter.ThisProcess() with { Host = "first-host" };

        var first = await RunLock.AcquireAsync(store, _layout, holder, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<FeedInputException>(() => RunLock.AcquireAsync(store, _layout, RunWriter.ThisProcess(), CancellationToken.None));
        await first.DisposeAsync();
        await using var second = await RunLock.AcquireAsync(store, _layout, RunWriter.ThisProcess(), CancellationToken.None);

        Assert.Contains($"pid {Environment.ProcessId} on first-host", refused.Message, StringComparison.Ordinal);
        Assert.False(second.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task RunLock_OnABlobRun_IsRenewedPastItsLeaseDuration()
    {
        var store = new BlobFeedStore(_container) { LeaseDuration = TimeSpan.FromSeconds(15) };
        await using var held = await RunLock.AcquireAsync(store, _layout, RunWriter.ThisProcess(), CancellationToken.None);

        // Longer than the lease lives unless renewed: the holder's renewals keep it.
        await Task.Delay(TimeSpan.FromSeconds(20));
        var contender = await Record.ExceptionAsync(() => RunLock.AcquireAsync(store, _layout, RunWriter.ThisProcess(), CancellationToken.None));

        Assert.IsType<FeedInputException>(contender);
        Assert.False(held.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task Validate_RunInAContainer_ByAVariableNamingTheConnection_ValidThenInvalidOnceDamaged_NeverShowsTheKey()
    {
        var parameters = new RunParameters { RunId = "in-a-container", Dataset = "sample", Users = 6, Start = Start, End = Start.AddDays(2), Seed = 5, PartSize = 3 };
        var sources = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(RepoPaths.Samples)).Sources(InputFiles.InFolder(""));
        await LocalFeedRunner.RunFromCsvAsync(new BlobFeedStore(_container), parameters, sources,
            await InputFingerprints.ComputeAsync(sources, CancellationToken.None), new RunSchedule(3, 2), null, CancellationToken.None);
        var variable = $"WRAPPED_TEST_STORAGE_{Guid.NewGuid():N}";
        Environment.SetEnvironmentVariable(variable, azurite.ConnectionString);
        try
        {
            var valid = await ValidateAsync("--connection", variable, "--container", _container.Name, parameters.RunId, "--json");
            var damaged = "events/date=2024-03-02/part-00001.avro";
            await _container.GetBlobClient($"runs/{parameters.RunId}/{damaged}").DeleteAsync();
            var invalid = await ValidateAsync("--connection", variable, "--container", _container.Name, $"runs/{parameters.RunId}");
            var inline = await ValidateAsync("--connection", azurite.ConnectionString, "--container", _container.Name, parameters.RunId);
            var unset = await ValidateAsync("--connection", variable + "_UNSET", parameters.RunId);

            Assert.True(valid.Exit == 0, valid.Output);
            Assert.Equal(parameters.RunId, JsonDocument.Parse(valid.Stdout).RootElement.GetProperty("runId").GetString());
            Assert.Equal(2, invalid.Exit);
            Assert.Contains(damaged, invalid.Output, StringComparison.Ordinal);
            Assert.Equal(2, inline.Exit);
            Assert.Equal(2, unset.Exit);
            Assert.Contains(variable + "_UNSET", unset.Output, StringComparison.Ordinal);
            Assert.All(new[] { valid, invalid, inline, unset }, r => Assert.DoesNotContain(AzuriteProcess.DevAccountKey, r.Output, StringComparison.Ordinal));
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    public Task InitializeAsync() => _container.CreateIfNotExistsAsync();

    public Task DisposeAsync() => _container.DeleteIfExistsAsync();

    private static async Task<(int Exit, string Stdout, string Output)> ValidateAsync(params string[] args)
    {
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var exit = await Cli.CliApplication.RunAsync(["validate", .. args], stdout, stderr);
        return (exit, stdout.ToString(), stdout + "\n" + stderr);
    }
}
