using System.Text.Json;

namespace Wrapped.Functions.Tests;

/// <summary>
/// The Function app's wiring as the Functions host will see it: the <c>functions.metadata</c> its build generates.
/// Core Tools cannot run here, so this is how triggers, routes and schedules are checked.
/// </summary>
public sealed class FunctionsMetadataTests
{
    private static readonly JsonElement[] Functions = FunctionsMetadata.Functions;

    [Theory]
    [InlineData("FeedOrchestrator", "orchestrationTrigger")]
    [InlineData("SimulateChunkOrchestrator", "orchestrationTrigger")]
    [InlineData("WrappedChunkOrchestrator", "orchestrationTrigger")]
    [InlineData("ScoreWrappedActivity", "activityTrigger")]
    [InlineData("WrappedMediansActivity", "activityTrigger")]
    [InlineData("ClassifyWrappedActivity", "activityTrigger")]
    [InlineData("RecordRunActivity", "activityTrigger")]
    [InlineData("PrepareCatalogActivity", "activityTrigger")]
    [InlineData("GenerateUsersActivity", "activityTrigger")]
    [InlineData("SimulateBatchActivity", "activityTrigger")]
    [InlineData("WriteManifestActivity", "activityTrigger")]
    [InlineData("InputUploaded", "blobTrigger")]
    [InlineData("StartRun", "httpTrigger")]
    [InlineData("GetRun", "httpTrigger")]
    [InlineData("GetWrapped", "httpTrigger")]
    [InlineData("ExtendDailyRuns", "timerTrigger")]
    public void Metadata_EveryFunction_HasItsTrigger(string name, string triggerType)
    {
        Assert.Equal(triggerType, Trigger(name).GetProperty("type").GetString());
    }

    [Fact]
    public void Metadata_ListsExactlyTheAppsFunctions()
    {
        Assert.Equal(16, Functions.Length);
    }

    [Fact]
    public void BlobTrigger_WatchesTheInputContainerThroughEventGrid()
    {
        var trigger = Trigger("InputUploaded");

        Assert.Equal("wrapped-input/{dataset}/{file}", trigger.GetProperty("path").GetString());
        Assert.Equal("EventGrid", trigger.GetProperty("source").GetString());
        Assert.Equal("FeedStorage", trigger.GetProperty("connection").GetString());
        Assert.Contains(Bindings("InputUploaded"), b => b.GetProperty("type").GetString() == "durableClient");
    }

    [Theory]
    [InlineData("StartRun", "runs", "post")]
    [InlineData("GetRun", "runs/{runId}", "get")]
    [InlineData("GetWrapped", "runs/{runId}/wrapped/{userId}", "get")]
    public void HttpTriggers_RouteMethodAndFunctionKey(string name, string route, string method)
    {
        var trigger = Trigger(name);

        Assert.Equal(route, trigger.GetProperty("route").GetString());
        Assert.Equal([method], trigger.GetProperty("methods").EnumerateArray().Select(m => m.GetString()));
        Assert.Equal("Function", trigger.GetProperty("authLevel").GetString());
    }

    [Fact]
    public void Timer_ScheduleComesFromConfiguration()
    {
        Assert.Equal("%DailySchedule%", Trigger("ExtendDailyRuns").GetProperty("schedule").GetString());
    }

    [Fact]
    public void HostJson_ConfiguresTheDurableTaskHub()
    {
        using var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");

        Assert.Equal("2.0", host.RootElement.GetProperty("version").GetString());
        Assert.False(string.IsNullOrEmpty(durable.GetProperty("hubName").GetString()));
        Assert.True(durable.GetProperty("maxConcurrentActivityFunctions").GetInt32() > 0);
        Assert.True(durable.GetProperty("storageProvider").GetProperty("partitionCount").GetInt32() > 0);
    }

    private static JsonElement Trigger(string name) => FunctionsMetadata.Trigger(name);

    private static JsonElement[] Bindings(string name) => FunctionsMetadata.Bindings(name);
}
