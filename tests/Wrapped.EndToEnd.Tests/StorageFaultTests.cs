using System.Diagnostics;
using Azure.Storage.Blobs;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Core.Feed;
using Wrapped.DurableHost;
using Wrapped.DurableHost.Azurite;
using Wrapped.DurableHost.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;
using Wrapped.TestSupport.Stores;
using Xunit.Abstractions;

namespace Wrapped.EndToEnd.Tests;

/// <summary>The product's orchestration against storage that fails: transient write faults, and Azurite gone for ten seconds.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class StorageFaultTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private static readonly DateOnly Start = new(2024, 3, 1);

    [Fact]
    public async Task Orchestration_TransientWriteFaults_AreRetriedByThePolicy_AndTheFeedIsByteIdentical()
    {
        FlakyStore flaky = null!;
        var defaults = new FeedDefaults { Users = 14, PartSize = 5, BatchSize = 5, MaxParallelBatches = 2, Daily = false };
        await using var world = await FeedOnAzurite.StartAsync(azurite, defaults, FixedClock.OnDay(new DateOnly(2024, 3, 11)),
            wrapOutput: store => flaky = new FlakyStore(store, "events/date=2024-03-05/part-00002.avro", "_manifest.json"));
        await world.UploadSampleAsync("flaky");
        var clock = Stopwatch.StartNew();

        var started = await world.Starter.StartAsync(world.Client, "flaky", new RunRequestOverrides(Start: Start), CancellationToken.None);
        await world.WaitAsync(started.RunId!);

        var log = flaky.Log;
        Assert.Equal(2, flaky.Failures);
        // Each failed file was written again, by the retried activity.
        Assert.Single(log, l => l.EndsWith("wrote " + $"runs/{started.RunId}/events/date=2024-03-05/part-00002.avro", StringComparison.Ordinal));
        Assert.Single(log, l => l.EndsWith("wrote " + $"runs/{started.RunId}/_manifest.json", StringComparison.Ordinal));
        var durable = await world.FeedAsync(started.RunId!);
        FeedAssert.SameFiles(await LocalTwinAsync(world, started.RunId!), durable);
        var validation = await RunValidator.ValidateAsync(new BlobFeedStore(world.Output, $"runs/{started.RunId}"), CancellationToken.None);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));

        var partsBefore = log.TakeWhile(l => !l.StartsWith("failed ", StringComparison.Ordinal)).Count(l => l.Contains("/_ledger/part-", StringComparison.Ordinal));
        output.WriteLine($"transient faults: 2 injected (an events file of part 2, the manifest); {partsBefore} part(s) finished before the first; " +
            $"run finished in {clock.Elapsed.TotalSeconds:0.0} s; {durable.Count} files byte-identical to the undisturbed local run; manifest SHA-256 {Sha(durable["_manifest.json"])}");
    }

    [Fact]
    public async Task Orchestration_AzuriteStoppedForTenSecondsMidRun_CompletesAndValidates_ByteIdentical()
    {
        using var folder = new TempFolder("outage");
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var data = folder.Combine("azurite");
        var storage = await AzuriteProcess.StartAsync(data, timeout.Token);
        var (blobPort, queuePort, tablePort, connection) = (storage.BlobPort, storage.QueuePort, storage.TablePort, storage.ConnectionString);
        try
        {
            var container = new BlobServiceClient(connection).GetBlobContainerClient("wrapped-feed");
            var stores = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new BlobFeedStore(container));
            var parameters = new RunParameters { RunId = "outage", Dataset = "sample", Users = 30, Start = Start, End = Start.AddDays(59), Seed = 11, PartSize = 5 };
            var inputs = await InputFingerprints.ComputeAsync(stores.Sources(InputFiles.InFolder("")), CancellationToken.None);
            var request = new FeedRunRequest(parameters, InputFiles.InFolder(""), inputs, Start, parameters.End, BatchSize: 5, MaxParallelBatches: 2);
            var hold = new ActivityHold(nameof(SimulateBatchActivity));
            await using var host = LocalDurableHost.Create(
                new LocalDurableHostOptions { ConnectionString = connection, TaskHubName = AzuriteFixture.NewTaskHubName(), MaxConcurrentActivities = 2, LoggerFactory = NullLoggerFactory.Instance },
                registry => FeedRegistrations.Register(registry, stores, hold.Decorate));
            await host.StartAsync(timeout.Token);

            // The third batch is held at its start; meanwhile Azurite goes away, then the batch goes on writing into the outage.
            hold.Arm(letThrough: 2);
            await host.Client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, parameters.RunId, timeout.Token);
            await hold.Started.Task.WaitAsync(timeout.Token);
            var before = (await host.Client.GetInstanceAsync(parameters.RunId, false, timeout.Token))!.ReadCustomStatusAs<RunProgress>();
            var outage = Stopwatch.StartNew();
            await storage.DisposeAsync();
            hold.Release();
            // The outage itself (with Azurite's stop and start, about ten seconds), not a wait for something to happen.
            await Task.Delay(TimeSpan.FromSeconds(6), timeout.Token);
            storage = await AzuriteProcess.StartOnPortsAsync(data, blobPort, queuePort, tablePort, timeout.Token);
            var restarted = outage.Elapsed;

            var done = await host.Client.WaitForInstanceCompletionAsync(parameters.RunId, getInputsAndOutputs: true, timeout.Token);
            var finished = outage.Elapsed;

            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{done.RuntimeStatus}: {done.FailureDetails?.ErrorMessage}");
            var validation = await RunValidator.ValidateAsync(new BlobFeedStore(container, "runs/outage"), timeout.Token);
            Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
            var durable = await SnapshotAsync(container, "runs/outage/");
            using var twin = new TempFolder("outage-twin");
            await LocalFeedRunner.RunFromCsvAsync(new LocalFeedStore(twin.Path), parameters, stores.Sources(InputFiles.InFolder("")), inputs,
                new RunSchedule(5, 2), null, CancellationToken.None);
            FeedAssert.SameFiles(TempFolder.Snapshot(twin.Combine("runs", "outage"), FeedOnAzurite.IsFeedFile), durable);
            output.WriteLine($"Azurite stopped with {before?.BatchesDone ?? 0} of {parameters.PartCount} batches done, serving again " +
                $"{restarted.TotalSeconds:0.0} s after its stop began; the run completed {(finished - restarted).TotalSeconds:0.0} s later; {durable.Count} files " +
                $"byte-identical to the undisturbed run; manifest SHA-256 {Sha(durable["_manifest.json"])}");
        }
        finally
        {
            await storage.DisposeAsync();
        }
    }

    private static async Task<SortedDictionary<string, byte[]>> LocalTwinAsync(FeedOnAzurite world, string runId)
    {
        var definition = await world.Stores.Output.ReadJsonAsync<Pipeline.Steps.RunDefinition>($"runs/{runId}/_run.json", CancellationToken.None);
        using var folder = new TempFolder("flaky-twin");
        var local = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(folder.Path));
        await LocalFeedRunner.RunFromCsvAsync(local.Output, definition.Parameters, local.Sources(InputFiles.InFolder("")), definition.Inputs,
            new RunSchedule(5, 2), null, CancellationToken.None);
        return TempFolder.Snapshot(Path.Combine(folder.Path, "runs", runId), FeedOnAzurite.IsFeedFile);
    }

    private static async Task<SortedDictionary<string, byte[]>> SnapshotAsync(BlobContainerClient container, string prefix)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        await foreach (var blob in container.GetBlobsAsync(Azure.Storage.Blobs.Models.BlobTraits.None, Azure.Storage.Blobs.Models.BlobStates.None, prefix, CancellationToken.None))
        {
            var path = blob.Name[prefix.Length..];
            if (FeedOnAzurite.IsFeedFile(path))
                files[path] = (await container.GetBlobClient(blob.Name).DownloadContentAsync()).Value.Content.ToArray();
        }
        return files;
    }

    private static string Sha(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes))[..16];
}
