using System.Diagnostics;
using DurableTask.Core.Exceptions;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Wrapped.DurableHost.Tests.Toys;
using Wrapped.Pipeline.Orchestration;
using Wrapped.TestSupport;
using Xunit.Abstractions;

namespace Wrapped.DurableHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class LocalDurableHostTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    [Fact]
    public async Task FanOut_WithRetryAndSubOrchestration_CompletesWithOutputAndStatus()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);
        string flakyKey = Guid.NewGuid().ToString("N");
        var input = new FanOutInput(50, flakyKey);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FanOutOrchestrator), input);
        OrchestrationMetadata done = await WaitAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        FanOutResult? result = done.ReadOutputAs<FanOutResult>();
        Assert.NotNull(result);
        Assert.Equal(Enumerable.Range(0, 50).Sum(i => (long)i * i), result.SumOfSquares);
        Assert.Equal(FlakyActivity.Failures + 1, result.FlakyAttempts);
        Assert.Equal(FlakyActivity.Failures + 1, FlakyActivity.CallsFor(flakyKey));
        Assert.Equal($"hello feed from {nameof(FanOutOrchestrator)}/{id}", result.Greeting);
        Assert.Equal(input, done.ReadInputAs<FanOutInput>());

        OrchestrationMetadata? status = await host.Client.GetInstanceAsync(id, getInputsAndOutputs: false);
        Assert.NotNull(status);
        Assert.Equal(new FanOutProgress("done", 50, 50), status.ReadCustomStatusAs<FanOutProgress>());
        Assert.Equal(nameof(FanOutOrchestrator), status.Name);
        Assert.True(status.CreatedAt <= status.LastUpdatedAt);
        Assert.Null(status.SerializedOutput);
    }

    [Fact]
    public async Task FailingActivity_Uncaught_InstanceFailedWithFailureDetails()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(FailingOrchestrator), "bad input");
        OrchestrationMetadata done = await WaitAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        TaskFailureDetails? failure = done.FailureDetails;
        Assert.NotNull(failure);
        output.WriteLine($"{failure.ErrorType}: {failure.ErrorMessage} / inner {failure.InnerFailure?.ErrorType}");
        Assert.True(failure.IsCausedBy<Microsoft.DurableTask.TaskFailedException>());
        Assert.Contains("boom: bad input", failure.ErrorMessage);
        Assert.NotNull(failure.InnerFailure);
        Assert.True(failure.InnerFailure.IsCausedBy<InvalidOperationException>());
        Assert.Equal("boom: bad input", failure.InnerFailure.ErrorMessage);
    }

    [Fact]
    public async Task Schedule_SameInstanceIdTwice_StartsOneInstance()
    {
        string hub = AzuriteFixture.NewTaskHubName();
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString, hub);
        string id = "run-" + Guid.NewGuid().ToString("N");
        var options = new StartOrchestrationOptions(id);

        string first = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountingOrchestrator), id, options);
        string second = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountingOrchestrator), id, options);
        OrchestrationMetadata done = await WaitAsync(host.Client, id);
        string third = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountingOrchestrator), id, options);
        // No start can still be on its way once the hub's queues are empty: what the instance shows then is final.
        await TaskHubQueues.WaitUntilEmptyAsync(azurite.ConnectionString, hub, HostFactory.RunTimeout);
        OrchestrationMetadata after = (await host.Client.GetInstanceAsync(id))!;

        Assert.Equal([id, id, id], [first, second, third]);
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, done.CreatedAt), (after.RuntimeStatus, after.CreatedAt));
        Assert.Equal(1, CountRunActivity.RunsFor(id));
    }

    [Fact]
    public async Task Schedule_SameInstanceIdConcurrently_RunsOnce()
    {
        string hub = AzuriteFixture.NewTaskHubName();
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString, hub);
        string id = "race-" + Guid.NewGuid().ToString("N");
        var options = new StartOrchestrationOptions(id);

        // Duplicate blob events arrive together; both may pass the existence check before either writes.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountingOrchestrator), id, options)));
        OrchestrationMetadata done = await WaitAsync(host.Client, id);
        // Every duplicate start that reached the hub has been dealt with once its queues are empty.
        await TaskHubQueues.WaitUntilEmptyAsync(azurite.ConnectionString, hub, HostFactory.RunTimeout);
        OrchestrationMetadata after = (await host.Client.GetInstanceAsync(id))!;

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal((OrchestrationRuntimeStatus.Completed, done.CreatedAt), (after.RuntimeStatus, after.CreatedAt));
        Assert.Equal(1, CountRunActivity.RunsFor(id));
    }

    [Fact]
    public async Task Schedule_ExplicitDedupeStatusesAndExistingInstance_Throws()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);
        string id = "run-" + Guid.NewGuid().ToString("N");
        await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountingOrchestrator), id, new StartOrchestrationOptions(id));
        await WaitAsync(host.Client, id);

        StartOrchestrationOptions strict = new StartOrchestrationOptions(id)
            .WithDedupeStatuses(OrchestrationRuntimeStatus.Completed);

        await Assert.ThrowsAsync<OrchestrationAlreadyExistsException>(
            () => host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(CountingOrchestrator), id, strict));
    }

    [Fact]
    public async Task ScheduleIfNew_ExistingRunningOrCompleted_ReturnsFalseAndRunsOnce()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);
        string id = "once-" + Guid.NewGuid().ToString("N");

        bool first = await host.Client.ScheduleIfNewAsync(nameof(CountingOrchestrator), id, id);
        bool whileRunning = await host.Client.ScheduleIfNewAsync(nameof(CountingOrchestrator), id, id);
        await WaitAsync(host.Client, id);
        bool afterCompletion = await host.Client.ScheduleIfNewAsync(nameof(CountingOrchestrator), id, id);

        Assert.Equal([true, false, false], [first, whileRunning, afterCompletion]);
        Assert.Equal(1, CountRunActivity.RunsFor(id));
    }

    [Fact]
    public async Task LongActivity_LongerThanVisibilityTimeout_RunsOnce()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);
        string key = Guid.NewGuid().ToString("N");

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SlowOrchestrator), key);
        OrchestrationMetadata done = await WaitAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(1, done.ReadOutputAs<int>());
        Assert.Equal(1, SlowActivity.RunsFor(key));
    }

    [Fact]
    public async Task RaiseEvent_RecordPayload_BecomesOrchestrationOutput()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), "x");
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.RaiseEventAsync(id, ApprovalOrchestrator.EventName, new Approval("ops", 2));
        OrchestrationMetadata done = await WaitAsync(host.Client, id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(new Approval("ops", 2), done.ReadOutputAs<Approval>());
    }

    [Fact]
    public async Task TerminateThenPurge_WaitingInstance_IsTerminatedThenGone()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);

        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(ApprovalOrchestrator), "x");
        await host.Client.WaitForInstanceStartAsync(id);
        await host.Client.TerminateInstanceAsync(id, "no longer needed");
        OrchestrationMetadata done = await WaitAsync(host.Client, id);
        PurgeResult purged = await host.Client.PurgeInstanceAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Terminated, done.RuntimeStatus);
        Assert.Equal(1, purged.PurgedInstanceCount);
        Assert.Null(await host.Client.GetInstanceAsync(id));
    }

    [Fact]
    public async Task GetInstance_UnknownId_ReturnsNull()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);

        Assert.Null(await host.Client.GetInstanceAsync("never-scheduled", getInputsAndOutputs: true));
    }

    [Fact]
    public async Task GetAllInstances_NotSupported_ThrowsNamingMember()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);

        NotSupportedException e = Assert.Throws<NotSupportedException>(() => host.Client.GetAllInstancesAsync());
        Assert.Contains(nameof(DurableTaskClient.GetAllInstancesAsync), e.Message);
    }

    [Fact]
    public async Task FanOut_200TrivialActivities_CompletesAndReportsTime()
    {
        await using LocalDurableHost host = await HostFactory.StartAsync(azurite.ConnectionString);

        var clock = Stopwatch.StartNew();
        string id = await host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SquaresOrchestrator), 200);
        OrchestrationMetadata done = await WaitAsync(host.Client, id);
        clock.Stop();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Enumerable.Range(0, 200).Sum(i => (long)i * i), done.ReadOutputAs<long>());
        output.WriteLine($"fan-out of 200 trivial activities on Azurite: {clock.Elapsed.TotalSeconds:0.0} s");
    }

    private static async Task<OrchestrationMetadata> WaitAsync(DurableTaskClient client, string id)
    {
        using var timeout = new CancellationTokenSource(HostFactory.RunTimeout);
        return await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, timeout.Token);
    }
}
