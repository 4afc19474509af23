using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Core.Feed;
using Wrapped.DurableHost;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class ScaleOutTests(AzuriteFixture azurite)
{
    [Fact]
    public async Task TwoWorkerProcesses_ShareOneTaskHub_SplitTheBatches_AndWriteTheSameBytes()
    {
        using var folder = new TempFolder("scale-out");
        var taskHub = AzuriteFixture.NewTaskHubName();
        var output = folder.Combine("durable");
        await using var first = await WorkerProcess.StartAsync(azurite.ConnectionString, taskHub, RepoPaths.Samples, output);
        await using var second = await WorkerProcess.StartAsync(azurite.ConnectionString, taskHub, RepoPaths.Samples, output);

        // Batches of about a million events (a second or more of work each): while one worker, serving one activity at
        // a time, is busy, the other polls the shared queue (at least once a second) and takes the next batch.
        var start = new DateOnly(2024, 1, 1);
        var parameters = new RunParameters { RunId = "scale-out", Dataset = "sample", Users = 400, Start = start, End = start.AddDays(364), Seed = 3, PartSize = 100 };
        var sources = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(output)).Sources(InputFiles.InFolder(""));
        var inputs = await InputFingerprints.ComputeAsync(sources, CancellationToken.None);
        var request = new FeedRunRequest(parameters, InputFiles.InFolder(""), inputs, start, parameters.End, BatchSize: 100, MaxParallelBatches: 4);

        // This process only schedules and watches: all the work is done by the two worker processes.
        await using var client = LocalDurableHost.Create(
            new LocalDurableHostOptions { ConnectionString = azurite.ConnectionString, TaskHubName = taskHub, LoggerFactory = NullLoggerFactory.Instance },
            registry => { });
        await client.Client.ScheduleIfNewAsync(nameof(FeedOrchestrator), request, parameters.RunId);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var instance = await client.Client.WaitForInstanceCompletionAsync(parameters.RunId, getInputsAndOutputs: true, cancel.Token);
        Assert.True(instance.RuntimeStatus == Microsoft.DurableTask.Client.OrchestrationRuntimeStatus.Completed, instance.FailureDetails?.ErrorMessage);

        var firstBatches = first.Lines.Count(l => l.StartsWith("done SimulateBatchActivity", StringComparison.Ordinal));
        var secondBatches = second.Lines.Count(l => l.StartsWith("done SimulateBatchActivity", StringComparison.Ordinal));
        Assert.Equal(parameters.PartCount, firstBatches + secondBatches);
        Assert.True(firstBatches > 0 && secondBatches > 0, $"One worker did all the work: {firstBatches} and {secondBatches} batches.");

        var local = folder.Combine("local");
        await LocalFeedRunner.RunFromCsvAsync(new LocalFeedStore(local), parameters, sources, inputs, new RunSchedule(100, 2), null, CancellationToken.None);
        var expected = TempFolder.Snapshot(Path.Combine(local, "runs", parameters.RunId), FeedOnAzurite.IsFeedFile);
        var actual = TempFolder.Snapshot(Path.Combine(output, "runs", parameters.RunId), FeedOnAzurite.IsFeedFile);
        FeedAssert.SameFiles(expected, actual);
    }
}
