using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class DurableFeedTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Today = new(2024, 3, 11);

    private static FeedDefaults SmallRuns => new() { Users = 14, PartSize = 5, BatchSize = 5, MaxParallelBatches = 2, Daily = true };

    [Fact]
    public async Task Orchestration_BundledSample_WritesARunToBlobsByteIdenticalToTheLocalRun()
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        await world.UploadSampleAsync("sample");

        var started = await world.Starter.StartAsync(world.Client, "sample", new RunRequestOverrides(Start: new DateOnly(2024, 3, 1)), CancellationToken.None);
        var instance = await world.WaitAsync(started.RunId!);
        var durableFeed = await world.FeedAsync(started.RunId!);

        var result = instance.ReadOutputAs<FeedRunResult>()!;
        Assert.True(result.Counts.Events > 14 * 10 * 10);
        Assert.Contains("_SUCCESS", durableFeed.Keys);
        Assert.Contains("events/date=2024-03-10/part-00002.avro", durableFeed.Keys);
        Assert.Contains("wrapped/part-00002.avro", durableFeed.Keys);
        // The realistic model (the default), copied into the run.
        Assert.Equal(Core.Simulation.Model.ListeningModel.Realistic.Text, System.Text.Encoding.UTF8.GetString(durableFeed["_model.json"]));

        // The same run through the CLI's in-process runner, into a folder.
        using var folder = new TempFolder("local-twin");
        var request = new RunRequestFactory(world.Defaults, world.Clock).Create("sample", new RunRequestOverrides(Start: new DateOnly(2024, 3, 1)),
            InputFiles.InFolder(""), await InputFingerprints.ComputeAsync(LocalSources(), CancellationToken.None));
        Assert.Equal(started.RunId, request.Parameters.RunId);
        await LocalFeedRunner.RunFromCsvAsync(new LocalFeedStore(folder.Path), request.Parameters, LocalSources(), request.Fingerprints,
            new RunSchedule(request.BatchSize, 2), null, CancellationToken.None);
        var localFeed = TempFolder.Snapshot(Path.Combine(folder.Path, "runs", started.RunId!), FeedOnAzurite.IsFeedFile);

        FeedAssert.SameFiles(localFeed, durableFeed);
    }

    [Fact]
    public async Task Orchestration_RejectedInput_FailsWithTheReasonAndWritesTheReport()
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        await world.UploadSampleAsync("broken", InputFiles.TracksName, InputFiles.ExtendedName);
        await world.Input.GetBlobClient("broken/artists.csv").UploadAsync(BinaryData.FromString("id,name\n"));

        var started = await world.Starter.StartAsync(world.Client, "broken", new RunRequestOverrides(), CancellationToken.None);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var instance = await world.Client.WaitForInstanceCompletionAsync(started.RunId!, true, cancel.Token);

        Assert.Equal(Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Failed, instance.RuntimeStatus);
        Assert.Contains("artists.csv", instance.FailureDetails!.ToString(), StringComparison.Ordinal);
        var report = (await world.Output.GetBlobClient($"runs/{started.RunId}/_report.json").DownloadContentAsync()).Value.Content.ToString();
        Assert.Contains("rejected", report, StringComparison.Ordinal);
    }

    private static Core.Catalog.CatalogSources LocalSources() => new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(RepoPaths.Samples))
        .Sources(InputFiles.InFolder(""));
}
