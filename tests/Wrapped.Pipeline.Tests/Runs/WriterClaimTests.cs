using Microsoft.DurableTask;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>The Durable path's one writer: the activities, called as a worker calls them, on a folder.</summary>
public sealed class WriterClaimTests : IDisposable
{
    private static readonly DateOnly Start = new(2024, 3, 1);
    private readonly TempFolder _folder = new("claim");
    private readonly RunParameters _parameters = LocalRun.Parameters(users: 6, Start, Start.AddDays(2), partSize: 3) with { RunId = "claimed" };

    private FeedStores Stores => new(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(_folder.Path));

    private string RunFolder => _folder.Combine("runs", _parameters.RunId);

    [Fact]
    public async Task Activity_OfASupersededExecution_IsRefusedForGoodAndChangesNothing()
    {
        var plan = await RecordAsync("first-execution");
        Assert.Equal(RunWriteMode.Fresh, plan.Mode);
        var first = new RunWrite("first-execution", Staged: false);
        await new PrepareCatalogActivity(Stores).RunAsync(Context, new PrepareCatalogInput(_parameters, InputFiles.InFolder(""), first));
        await new GenerateUsersActivity(Stores).RunAsync(Context, new RunStepInput(_parameters, first));

        // The run is started again (the first execution failed or was terminated): a new execution claims it.
        await RecordAsync("second-execution");
        var before = TempFolder.Snapshot(RunFolder);
        var straggler = new SimulateBatchActivity(Stores).RunAsync(Context, new SimulateBatchInput(_parameters, [0], Start, _parameters.End, first));

        var refused = await Assert.ThrowsAsync<FeedInputException>(() => straggler);
        Assert.Contains("first-execution", refused.Message, StringComparison.Ordinal);
        Assert.True(FeedRetry.IsPermanent(new TaskFailureDetails(typeof(FeedInputException).FullName!, refused.Message, null, null, null)));
        FeedAssert.SameFiles(before, TempFolder.Snapshot(RunFolder));
    }

    [Fact]
    public async Task RecordRun_WhileAnotherProcessHoldsTheRun_IsRefusedNamingIt()
    {
        await using var held = await RunLock.AcquireAsync(new LocalFeedStore(_folder.Path), new FeedLayout(_parameters.RunId), RunWriter.ThisProcess(), CancellationToken.None);

        var refused = await Assert.ThrowsAsync<FeedInputException>(() => RecordAsync("an-execution"));

        Assert.Contains($"pid {Environment.ProcessId} on {Environment.MachineName}", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(RunFolder, "_run.json")));
    }

    [Fact]
    public async Task RecordRun_WhileItsOwnClientHoldsTheRun_ClaimsItInTheClientsRecord()
    {
        await using var held = await RunLock.AcquireAsync(new LocalFeedStore(_folder.Path), new FeedLayout(_parameters.RunId),
            RunWriter.ThisProcess(orchestration: _parameters.RunId), CancellationToken.None);

        var plan = await RecordAsync("client-execution");

        Assert.Equal(RunWriteMode.Fresh, plan.Mode);
        var writer = await new LocalFeedStore(RunFolder).ReadJsonAsync<RunWriter>("_writer.json", CancellationToken.None);
        Assert.Equal(("client-execution", _parameters.RunId, Environment.ProcessId), (writer.Token, writer.Orchestration, writer.ProcessId));
    }

    public void Dispose() => _folder.Dispose();

    private Task<RunPlan> RecordAsync(string writer)
    {
        var request = new FeedRunRequest(_parameters, InputFiles.InFolder(""), [], Start, _parameters.End, 3, 1);
        return new RecordRunActivity(Stores).RunAsync(Context, new RecordRunInput(request, _parameters.RunId, writer));
    }

    private static TaskActivityContext Context { get; } = new ActivityContext();

    private sealed class ActivityContext : TaskActivityContext
    {
        public override TaskName Name => "test";

        public override string InstanceId => "test";
    }
}
