using System.Diagnostics;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Wrapped.TestSupport;
using Xunit.Abstractions;

namespace Wrapped.DurableHost.Tests;

[Collection(AzuriteCollection.Name)]
public sealed class KillAndResumeTests(AzuriteFixture azurite, ITestOutputHelper output)
{
    private const int Items = 20;
    private const int KillAfterMarkers = 5;

    [Fact]
    public async Task KilledWorker_Restarted_ResumesAndCompletesWithIdempotentEffects()
    {
        string hub = AzuriteFixture.NewTaskHubName();
        string markers = Directory.CreateTempSubdirectory("wrapped-markers-").FullName;
        await using LocalDurableHost clientOnly = LocalDurableHost.Create(
            new LocalDurableHostOptions { ConnectionString = azurite.ConnectionString, TaskHubName = hub },
            _ => { });

        await using (ProbeProcess first = await ProbeProcess.StartAsync(azurite.ConnectionString, hub))
        {
            // The input is a look-alike record: only its JSON shape has to match the probe's ResumableInput.
            string scheduled = await clientOnly.Client.ScheduleNewOrchestrationInstanceAsync(
                "ResumableOrchestrator", new ResumableRequest(Items, markers), new StartOrchestrationOptions("resume-me"));
            Assert.Equal("resume-me", scheduled);
            await WaitForMarkersAsync(markers, KillAfterMarkers);
            await first.KillAsync();
        }

        int markersAtKill = MarkerFiles(markers).Length;
        OrchestrationMetadata? afterKill = await clientOnly.Client.GetInstanceAsync("resume-me");
        Assert.Equal(OrchestrationRuntimeStatus.Running, afterKill?.RuntimeStatus);

        var resume = Stopwatch.StartNew();
        await using ProbeProcess second = await ProbeProcess.StartAsync(azurite.ConnectionString, hub);
        using var timeout = new CancellationTokenSource(HostFactory.RunTimeout);
        OrchestrationMetadata done = await clientOnly.Client.WaitForInstanceCompletionAsync(
            "resume-me", getInputsAndOutputs: true, timeout.Token);
        resume.Stop();

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(Items, done.ReadOutputAs<int>());
        string[] files = MarkerFiles(markers);
        Assert.Equal(Items, files.Length);
        Assert.All(files, f => Assert.Equal(int.Parse(Path.GetFileName(f)["item-".Length..]), int.Parse(File.ReadAllText(f))));

        int[] executions = File.ReadAllLines(Path.Combine(markers, "executions.log")).Select(int.Parse).ToArray();
        Assert.Equal(Enumerable.Range(0, Items), executions.Distinct().Order());

        // Steps finished before the kill are replayed from history, not re-run; only the one in flight may repeat.
        Assert.InRange(executions.Length - Items, 0, 1);
        output.WriteLine(
            $"killed after {markersAtKill} of {Items} markers; restart to completion took {resume.Elapsed.TotalSeconds:0.0} s; " +
            $"{executions.Length - Items} activity re-execution(s)");
    }

    private static async Task WaitForMarkersAsync(string folder, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        while (MarkerFiles(folder).Length < count)
        {
            await Task.Delay(50, timeout.Token);
        }
    }

    private static string[] MarkerFiles(string folder) =>
        Directory.GetFiles(folder, "item-*").Where(f => !f.EndsWith(".tmp", StringComparison.Ordinal)).ToArray();

    private sealed record ResumableRequest(int Count, string MarkerDirectory);
}
