using Azure.Storage.Blobs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Core.Feed;
using Wrapped.DurableHost;
using Wrapped.DurableHost.Feed;
using Wrapped.Functions;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

/// <summary>
/// One test's world on the shared Azurite: its own input and output containers and its own task hub, with a
/// one-machine durable host running the Function app's orchestrator and activities.
/// </summary>
internal sealed class FeedOnAzurite : IAsyncDisposable
{
    private FeedOnAzurite(AzuriteFixture azurite, FeedDefaults defaults, FixedClock clock, Func<IFeedStore, IFeedStore>? wrapOutput)
    {
        var suffix = Guid.NewGuid().ToString("N")[..12];
        Blobs = new BlobServiceClient(azurite.ConnectionString);
        Input = Blobs.GetBlobContainerClient($"in-{suffix}");
        Output = Blobs.GetBlobContainerClient($"out-{suffix}");
        Stores = new FeedStores(new BlobFeedStore(Input), (wrapOutput ?? (store => store))(new BlobFeedStore(Output)));
        Defaults = defaults;
        Clock = clock;
        TaskHub = AzuriteFixture.NewTaskHubName();
        ConnectionString = azurite.ConnectionString;
    }

    public BlobServiceClient Blobs { get; }
    public BlobContainerClient Input { get; }
    public BlobContainerClient Output { get; }
    public FeedStores Stores { get; }
    public FeedDefaults Defaults { get; }
    public FixedClock Clock { get; }
    public string TaskHub { get; }
    public string ConnectionString { get; }
    public LocalDurableHost Host { get; private set; } = null!;
    public DurableTaskClient Client => Host.Client;

    public RunStarter Starter => new(Stores, Defaults, Clock);

    /// <param name="decorate">Wraps the feed's activities by name, to hold or disturb them.</param>
    /// <param name="wrapOutput">Wraps the output store the activities write through, to disturb it.</param>
    public static async Task<FeedOnAzurite> StartAsync(
        AzuriteFixture azurite, FeedDefaults defaults, FixedClock clock, Func<string, ITaskActivity, ITaskActivity>? decorate = null,
        Func<IFeedStore, IFeedStore>? wrapOutput = null)
    {
        var world = new FeedOnAzurite(azurite, defaults, clock, wrapOutput);
        await world.Input.CreateIfNotExistsAsync();
        world.Host = world.CreateHost(register: registry => FeedRegistrations.Register(registry, world.Stores, decorate));
        await world.Host.StartAsync(CancellationToken.None);
        return world;
    }

    public LocalDurableHost CreateHost(Action<LocalDurableRegistry> register, string? workerId = null) => LocalDurableHost.Create(
        new LocalDurableHostOptions
        {
            ConnectionString = ConnectionString,
            TaskHubName = TaskHub,
            MaxConcurrentActivities = 2,
            WorkerId = workerId ?? $"test-{Guid.NewGuid():N}",
            LoggerFactory = NullLoggerFactory.Instance,
        },
        register);

    public async Task UploadSampleAsync(string dataset, params string[] files)
    {
        foreach (var file in files.Length == 0 ? [InputFiles.TracksName, InputFiles.ExtendedName, InputFiles.ArtistsName] : files)
        {
            await Input.GetBlobClient($"{dataset}/{file}").UploadAsync(RepoPaths.Sample(file), overwrite: true);
        }
    }

    public async Task<OrchestrationMetadata> WaitAsync(string instanceId, TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(3));
        var instance = await Client.WaitForInstanceCompletionAsync(instanceId, getInputsAndOutputs: true, cancel.Token);
        Assert.True(instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed,
            $"{instanceId} ended {instance.RuntimeStatus}: {instance.FailureDetails?.ErrorMessage}");
        return instance;
    }

    /// <summary>The run's data files and manifest as stored in the output container (bookkeeping left out).</summary>
    public async Task<SortedDictionary<string, byte[]>> FeedAsync(string runId)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var prefix = $"runs/{runId}/";
        await foreach (var blob in Output.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            var path = blob.Name[prefix.Length..];
            if (!IsFeedFile(path)) continue;
            var content = await Output.GetBlobClient(blob.Name).DownloadContentAsync();
            files[path] = content.Value.Content.ToArray();
        }
        return files;
    }

    /// <summary>What a Hadoop-style reader of the run sees: no path segment starting with <c>_</c> or <c>.</c>, plus the two markers.</summary>
    public async Task<SortedDictionary<string, byte[]>> ReaderViewAsync(string runId)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        var prefix = $"runs/{runId}/";
        await foreach (var blob in Output.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            var path = blob.Name[prefix.Length..];
            if (path is not ("_manifest.json" or "_SUCCESS") && path.Split('/').Any(s => s.StartsWith('_') || s.StartsWith('.'))) continue;
            files[path] = (await Output.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        }
        return files;
    }

    public static bool IsFeedFile(string path) =>
        (path.EndsWith(".avro", StringComparison.Ordinal) && !path.StartsWith('_')) || path is "_manifest.json" or "_model.json" or "_SUCCESS";

    public async ValueTask DisposeAsync()
    {
        await Host.DisposeAsync();
        await Input.DeleteIfExistsAsync();
        await Output.DeleteIfExistsAsync();
    }
}
