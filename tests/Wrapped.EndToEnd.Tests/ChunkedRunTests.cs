using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Core.Feed;
using Wrapped.DurableHost;
using Wrapped.DurableHost.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

/// <summary>A run with more batches than one history holds: split into chunk sub-orchestrations on the one-machine host.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class ChunkedRunTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task Orchestration_MoreThan200Batches_RunsItsChunksSideBySide_AndWritesTheLocalRunsBytes()
    {
        using var folder = new TempFolder("chunked");
        // One user a part and a batch, one day: 210 small batches, so the fan-out is split while the run stays quick.
        var start = new DateOnly(2024, 5, 1);
        var parameters = new RunParameters { RunId = "chunked", Dataset = "sample", Users = 210, Start = start, End = start, Seed = 11, PartSize = 1 };
        var stores = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(folder.Combine("durable")));
        var inputs = await InputFingerprints.ComputeAsync(stores.Sources(InputFiles.InFolder("")), CancellationToken.None);
        var request = new FeedRunRequest(parameters, InputFiles.InFolder(""), inputs, start, parameters.End, BatchSize: 1, MaxParallelBatches: 8);
        Assert.True(parameters.PartCount > FeedOrchestrator.BatchesPerSubOrchestration);

        await using var host = LocalDurableHost.Create(
            new LocalDurableHostOptions
            {
                ConnectionString = azurite.ConnectionString,
                TaskHubName = AzuriteFixture.NewTaskHubName(),
                MaxConcurrentActivities = request.MaxParallelBatches,
                LoggerFactory = NullLoggerFactory.Instance,
            },
            registry => FeedRegistrations.Register(registry, stores));
        await host.StartAsync(CancellationToken.None);
        await host.Client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, parameters.RunId);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var run = await host.Client.WaitForInstanceCompletionAsync(parameters.RunId, getInputsAndOutputs: true, cancel.Token);
        Assert.True(run.RuntimeStatus == OrchestrationRuntimeStatus.Completed, run.FailureDetails?.ErrorMessage);

        // Both chunks were started before the first one finished: the second did not wait for the first to drain.
        var first = await host.Client.GetInstanceAsync($"{parameters.RunId}:chunk-0000");
        var second = await host.Client.GetInstanceAsync($"{parameters.RunId}:chunk-0001");
        Assert.Equal(OrchestrationRuntimeStatus.Completed, first?.RuntimeStatus);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, second?.RuntimeStatus);
        Assert.True(second!.CreatedAt < first!.LastUpdatedAt, $"chunk 1 created {second.CreatedAt:O}, chunk 0 finished {first.LastUpdatedAt:O}");
        // Wrapped's two phases fan out in chunks the same way.
        foreach (var phase in new[] { nameof(ScoreWrappedActivity), nameof(ClassifyWrappedActivity) })
        {
            var chunk = await host.Client.GetInstanceAsync($"{parameters.RunId}:{phase}-chunk-0001");
            Assert.Equal(OrchestrationRuntimeStatus.Completed, chunk?.RuntimeStatus);
        }

        var local = folder.Combine("local");
        await LocalFeedRunner.RunFromCsvAsync(new LocalFeedStore(local), parameters, stores.Sources(InputFiles.InFolder("")), inputs,
            new RunSchedule(50, 2), null, CancellationToken.None);
        FeedAssert.SameFiles(
            TempFolder.Snapshot(Path.Combine(local, "runs", parameters.RunId), FeedOnAzurite.IsFeedFile),
            TempFolder.Snapshot(folder.Combine("durable", "runs", parameters.RunId), FeedOnAzurite.IsFeedFile));
    }
}
