using System.Net;
using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Azure.Functions.Worker.Http;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Functions;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

/// <summary>The Function app's trigger methods, called with a real client on Azurite, as the Functions host would call them.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionTriggerTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Today = new(2024, 1, 8);

    private static FeedDefaults SmallRuns => new() { Users = 6, PartSize = 3, BatchSize = 3, MaxParallelBatches = 2, Daily = true };

    [Theory]
    [InlineData("tracks.csv", "tracks_extended.csv", "artists.csv")]
    [InlineData("artists.csv", "tracks.csv", "tracks_extended.csv")]
    public async Task BlobTrigger_ThreeUploadsInAnyOrderAndTwice_StartsExactlyOneRun(string first, string second, string third)
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        var function = new InputUploadFunction(world.Starter, world.Stores, NullLogger<InputUploadFunction>.Instance);
        var results = new List<StartResult?>();

        foreach (var file in new[] { first, second, third })
        {
            await world.UploadSampleAsync("upload", file);
            results.Add(await function.InputUploaded(world.Input.GetBlobClient($"upload/{file}"), "upload", file, world.Client, CancellationToken.None));
        }
        // The same events delivered again, as Event Grid may.
        foreach (var file in new[] { third, first, second })
        {
            results.Add(await function.InputUploaded(world.Input.GetBlobClient($"upload/{file}"), "upload", file, world.Client, CancellationToken.None));
        }

        Assert.Equal(["waiting-for-inputs", "waiting-for-inputs", "started", "already-started", "already-started", "already-started"],
            results.Select(r => r!.Status));
        var runId = results[2]!.RunId!;
        Assert.All(results.Skip(3), r => Assert.Equal(runId, r!.RunId));
        await world.WaitAsync(runId);
    }

    [Fact]
    public async Task BlobTrigger_OtherFile_IsIgnored()
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        var function = new InputUploadFunction(world.Starter, world.Stores, NullLogger<InputUploadFunction>.Instance);

        var result = await function.InputUploaded(world.Input.GetBlobClient("x/notes.txt"), "x", "notes.txt", world.Client, CancellationToken.None);

        Assert.Null(result);
    }

    [Fact]
    public async Task Http_StartAndStatus_Return202Then200WithProgress_And404And400()
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        await world.UploadSampleAsync("web");
        var http = new RunsHttpFunctions(world.Starter);

        var noDataset = await http.StartRun(new FakeHttpRequest("POST", "http://localhost/api/runs", "{\"users\": 3}"), world.Client, CancellationToken.None);
        var badJson = await http.StartRun(new FakeHttpRequest("POST", "http://localhost/api/runs", "{not json"), world.Client, CancellationToken.None);
        var badUsers = await http.StartRun(new FakeHttpRequest("POST", "http://localhost/api/runs", "{\"dataset\":\"web\",\"users\":0}"), world.Client, CancellationToken.None);
        var missing = await http.StartRun(new FakeHttpRequest("POST", "http://localhost/api/runs", "{\"dataset\":\"nothing-here\"}"), world.Client, CancellationToken.None);
        var accepted = (FakeHttpResponse)await http.StartRun(
            new FakeHttpRequest("POST", "http://localhost/api/runs", "{\"dataset\":\"web\",\"users\":4,\"start\":\"2024-01-01\",\"seed\":9}"), world.Client, CancellationToken.None);
        var unknown = await http.GetRun(new FakeHttpRequest("GET", "http://localhost/api/runs/nope", null), "nope", world.Client, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, noDataset.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badJson.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badUsers.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
        using var body = JsonDocument.Parse(accepted.ReadBody());
        var runId = body.RootElement.GetProperty("runId").GetString()!;
        Assert.EndsWith($"/api/runs/{runId}", body.RootElement.GetProperty("statusQueryGetUri").GetString(), StringComparison.Ordinal);
        Assert.True(accepted.Headers.TryGetValues("Location", out var location));
        Assert.EndsWith($"/api/runs/{runId}", location!.Single(), StringComparison.Ordinal);

        await world.WaitAsync(runId);
        var status = (FakeHttpResponse)await http.GetRun(new FakeHttpRequest("GET", $"http://localhost/api/runs/{runId}", null), runId, world.Client, CancellationToken.None);
        Assert.Equal(HttpStatusCode.OK, status.StatusCode);
        using var statusBody = JsonDocument.Parse(status.ReadBody());
        Assert.Equal("Completed", statusBody.RootElement.GetProperty("status").GetString());
        var progress = statusBody.RootElement.GetProperty("progress");
        Assert.Equal(progress.GetProperty("batchesTotal").GetInt32(), progress.GetProperty("batchesDone").GetInt32());
        Assert.True(statusBody.RootElement.GetProperty("result").GetProperty("counts").GetProperty("events").GetInt64() > 0);

        // The finished run's Wrapped, served as the page and, on request, as the record in the run's wrapped/ file.
        var wrapped = new WrappedHttpFunctions(world.Stores);
        Task<HttpResponseData> Get(string user, string query = "", string? accept = null)
        {
            var request = new FakeHttpRequest("GET", $"http://localhost/api/runs/{runId}/wrapped/{user}{query}", null);
            if (accept is not null) request.Headers.Add("Accept", accept);
            return wrapped.GetWrapped(request, runId, user, CancellationToken.None);
        }
        var stored = WrappedSummaryRecordCodec.ReadAll(
            (await world.Output.GetBlobClient($"runs/{runId}/wrapped/part-00000.avro").DownloadContentAsync()).Value.Content.ToStream()).ToList();
        var latest = stored.Where(s => s.UserId == 1).MaxBy(s => s.Year)!;

        var page = (FakeHttpResponse)await Get("1", accept: "text/html,application/xhtml+xml,*/*;q=0.8");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.StartsWith("text/html", page.Headers.GetValues("Content-Type").Single(), StringComparison.Ordinal);
        Assert.Contains("<!DOCTYPE html>", page.ReadBody(), StringComparison.OrdinalIgnoreCase);
        var record = (FakeHttpResponse)await Get("1", $"?year={latest.Year}", "application/json");
        Assert.Equal(HttpStatusCode.OK, record.StatusCode);
        Assert.Equal(System.Text.Encoding.UTF8.GetString(FeedJson.Serialize(latest)), record.ReadBody());
        Assert.Equal(HttpStatusCode.NotFound, (await Get("4")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Get("1", "?year=1999")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Get("one")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Get("1", "?year=last")).StatusCode);
    }

    [Fact]
    public async Task Timer_ExtendsADailyRunByOneDay_AndASecondCallChangesNothing()
    {
        var clock = FixedClock.OnDay(Today);
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, clock);
        await world.UploadSampleAsync("daily");
        var started = await world.Starter.StartAsync(world.Client, "daily", new RunRequestOverrides(Start: new DateOnly(2024, 1, 1)), CancellationToken.None);
        await world.WaitAsync(started.RunId!);
        var timer = new DailyTimerFunction(new DailyExtender(world.Stores, world.Defaults, clock), NullLogger<DailyTimerFunction>.Instance);

        var sameNight = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);
        clock.Now = clock.Now.AddDays(1);
        var nextNight = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);
        var nextNightAgain = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);
        await world.WaitAsync(nextNight.Single());
        var afterExtension = await world.FeedAsync(started.RunId!);
        var nextNightOnceMore = await timer.ExtendDailyRuns(new Microsoft.Azure.Functions.Worker.TimerInfo(), world.Client, CancellationToken.None);

        Assert.Empty(sameNight);
        Assert.Single(nextNight);
        Assert.Empty(nextNightAgain);
        Assert.Empty(nextNightOnceMore);
        Assert.Contains("events/date=2024-01-08/part-00001.avro", afterExtension.Keys);
        Assert.Equal(afterExtension, await world.FeedAsync(started.RunId!));
        var manifest = FeedJson.Deserialize<FeedManifest>(afterExtension["_manifest.json"], "manifest");
        Assert.Equal(new DateOnly(2024, 1, 8), manifest.Parameters.End);
        Assert.Equal(8, manifest.Counts.Days);

        // The extended run is byte for byte the run that was generated through 8 January in one go.
        using var folder = new TempFolder("daily-twin");
        var definition = await world.Stores.Output.ReadJsonAsync<RunDefinition>($"runs/{started.RunId}/_run.json", CancellationToken.None);
        var local = new FeedStores(new LocalFeedStore(RepoPaths.Samples), new LocalFeedStore(folder.Path));
        await LocalFeedRunner.RunFromCsvAsync(local.Output, definition.Parameters, local.Sources(InputFiles.InFolder("")), definition.Inputs,
            new RunSchedule(3, 2), null, CancellationToken.None);
        var oneGo = TempFolder.Snapshot(Path.Combine(folder.Path, "runs", started.RunId!), FeedOnAzurite.IsFeedFile);
        FeedAssert.SameFiles(oneGo, afterExtension);
    }
}
