using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Core.Feed;
using Wrapped.Functions;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

/// <summary>The nightly extension as a transaction: a failed night leaves the run as it was and is retried.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class DailyExtensionTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Today = new(2024, 1, 8);

    private static FeedDefaults SmallRuns => new() { Users = 6, PartSize = 3, BatchSize = 3, MaxParallelBatches = 2, Daily = true };

    [Fact]
    public async Task Timer_ExtensionTerminatedMidway_RunStaysFinished_AndTheNextCallRetriesItToTheOneGoBytes()
    {
        var clock = FixedClock.OnDay(Today);
        var hold = new ActivityHold(nameof(SimulateBatchActivity));
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, clock, hold.Decorate);
        await world.UploadSampleAsync("nightly");
        var started = await world.Starter.StartAsync(world.Client, "nightly", new RunRequestOverrides(Start: new DateOnly(2024, 1, 1)), CancellationToken.None);
        var runId = started.RunId!;
        await world.WaitAsync(runId);
        var finished = await world.ReaderViewAsync(runId);
        var timer = new DailyTimerFunction(new DailyExtender(world.Stores, world.Defaults, clock), NullLogger<DailyTimerFunction>.Instance);

        // Two nights later the extension starts; one of its batches is held while an operator terminates it.
        clock.Now = clock.Now.AddDays(2);
        hold.Arm();
        var failedNight = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);
        var instanceId = Assert.Single(failedNight);
        await hold.Started.Task.WaitAsync(TimeSpan.FromMinutes(2));
        await world.Client.TerminateInstanceAsync(instanceId, "stopped by an operator");
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(1)))
        {
            Assert.Equal(OrchestrationRuntimeStatus.Terminated, (await world.Client.WaitForInstanceCompletionAsync(instanceId, false, cancel.Token)).RuntimeStatus);
        }
        // The held batch goes on after its orchestration is gone, as a straggler would.
        hold.Release();
        await hold.Ended.Task.WaitAsync(TimeSpan.FromMinutes(2));

        // Until an extension commits, the run is exactly the finished run it was, and validates.
        FeedAssert.SameFiles(finished, await world.ReaderViewAsync(runId));
        var validation = await RunValidator.ValidateAsync(new BlobFeedStore(world.Output, $"runs/{runId}"), CancellationToken.None);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));

        // The next call (the next night, or the same one again) decides from the orchestration's status and retries.
        var retry = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);
        await world.WaitAsync(Assert.Single(retry));
        var extended = await world.FeedAsync(runId);
        var again = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);

        Assert.Empty(again);
        var manifest = FeedJson.Deserialize<FeedManifest>(extended["_manifest.json"], "manifest");
        Assert.Equal(new DateOnly(2024, 1, 9), manifest.Parameters.End);
        using var folder = new TempFolder("nightly-twin");
        var definition = await world.Stores.Output.ReadJsonAsync<RunDefinition>($"runs/{runId}/_run.json", CancellationToken.None);
        var local = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(folder.Path));
        await LocalFeedRunner.RunFromCsvAsync(local.Output, definition.Parameters, local.Sources(InputFiles.InFolder("")), definition.Inputs,
            new RunSchedule(3, 2), null, CancellationToken.None);
        FeedAssert.SameFiles(TempFolder.Snapshot(Path.Combine(folder.Path, "runs", runId), FeedOnAzurite.IsFeedFile), extended);
    }
}
