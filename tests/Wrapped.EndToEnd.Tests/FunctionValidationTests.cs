using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Functions;
using Wrapped.Pipeline.Runs;
using Wrapped.TestSupport;

namespace Wrapped.EndToEnd.Tests;

/// <summary>The Function app checks every name and parameter it is sent, like the command line, before anything starts.</summary>
[Collection(AzuriteCollection.Name)]
public sealed class FunctionValidationTests(AzuriteFixture azurite)
{
    private static readonly DateOnly Today = new(2024, 1, 8);

    private static FeedDefaults SmallRuns => new() { Users = 6, PartSize = 3, BatchSize = 3, MaxParallelBatches = 2, Daily = true };

    private static FakeHttpRequest Post(string body) => new("POST", "http://localhost/api/runs", body);

    private static string ErrorOf(Microsoft.Azure.Functions.Worker.Http.HttpResponseData response)
    {
        using var body = JsonDocument.Parse(((FakeHttpResponse)response).ReadBody());
        return body.RootElement.GetProperty("error").GetString()!;
    }

    [Fact]
    public async Task Http_DatasetClimbingIntoAnotherContainer_Returns400()
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        // Another container holding a complete dataset, one "../" away from the input container.
        var other = world.Blobs.GetBlobContainerClient($"other-{Guid.NewGuid():N}"[..30]);
        await other.CreateIfNotExistsAsync();
        try
        {
            foreach (var file in new[] { "tracks.csv", "tracks_extended.csv", "artists.csv" })
                await other.GetBlobClient($"ds/{file}").UploadAsync(RepoPaths.Sample(file), overwrite: true);
            var http = new RunsHttpFunctions(world.Starter);

            var response = await http.StartRun(Post($"{{\"dataset\":\"../{other.Name}/ds\"}}"), world.Client, CancellationToken.None);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains("dataset", ErrorOf(response), StringComparison.Ordinal);
        }
        finally
        {
            await other.DeleteIfExistsAsync();
        }
    }

    [Theory]
    [InlineData("Web")]
    [InlineData("a/b")]
    [InlineData("has space")]
    [InlineData("-web")]
    [InlineData("..")]
    public async Task Http_DatasetNotOfTheStrictPattern_Returns400NamingIt(string dataset)
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        var http = new RunsHttpFunctions(world.Starter);

        var response = await http.StartRun(Post(JsonSerializer.Serialize(new { dataset })), world.Client, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("dataset", ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"dataset\":\"web\",\"userz\":5}", "userz")]
    [InlineData("{\"dataset\":\"web\",\"batchSize\":-1}", "batchSize")]
    [InlineData("{\"dataset\":\"web\",\"batchSize\":0}", "batchSize")]
    [InlineData("{\"dataset\":\"web\",\"users\":2000000000}", "users")]
    [InlineData("{\"dataset\":\"web\",\"users\":\"many\"}", "users")]
    [InlineData("{\"dataset\":\"web\",\"partSize\":-3}", "partSize")]
    [InlineData("{\"dataset\":\"web\",\"maxParallelBatches\":0}", "maxParallelBatches")]
    [InlineData("{\"dataset\":\"web\",\"maxParallelBatches\":100000}", "maxParallelBatches")]
    [InlineData("{\"dataset\":\"web\",\"end\":\"2024-01-08\"}", "end")]
    [InlineData("{\"dataset\":\"web\",\"start\":\"2099-01-01\",\"end\":\"2099-12-31\"}", "end")]
    [InlineData("{\"dataset\":\"web\",\"start\":\"1990-01-01\"}", "days")]
    [InlineData("{\"dataset\":\"web\",\"model\":\"/etc/passwd\"}", "model must be a preset: reference or realistic")]
    [InlineData("{\"dataset\":\"web\",\"model\":\"realism\"}", "a model file can be given to the command line's --model, not named here")]
    [InlineData("{\"dataset\":\"web\",\"model\":7}", "'model' must be a string")]
    public async Task Http_ParameterOutsideTheRules_Returns400NamingIt(string body, string named)
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        await world.UploadSampleAsync("web");
        var http = new RunsHttpFunctions(world.Starter);

        var response = await http.StartRun(Post(body), world.Client, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, ErrorOf(response), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("..%2Fx")]
    [InlineData("../x")]
    [InlineData("BAD")]
    public async Task Http_GetRunWithAnInvalidRunId_Returns400(string runId)
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        var http = new RunsHttpFunctions(world.Starter);

        var response = await http.GetRun(new FakeHttpRequest("GET", "http://localhost/api/runs/x", null), runId, world.Client, CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"userz\": 3}", "userz")]
    [InlineData("{\"users\": -4}", "users")]
    [InlineData("{\"end\": \"2030-01-01\"}", "end")]
    [InlineData("{\"dataset\": \"another\"}", "dataset")]
    [InlineData("{\"model\": \"models/mine.json\"}", "model must be a preset")]
    public async Task BlobTrigger_InvalidRunJson_StartsNothingAndSaysWhy(string runJson, string named)
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        await world.UploadSampleAsync("upload");
        await world.Input.GetBlobClient("upload/run.json").UploadAsync(BinaryData.FromString(runJson), overwrite: true);
        var function = new InputUploadFunction(world.Starter, world.Stores, NullLogger<InputUploadFunction>.Instance);

        var result = await function.InputUploaded(world.Input.GetBlobClient("upload/run.json"), "upload", "run.json", world.Client, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("rejected", result.Status);
        Assert.Null(result.RunId);
        Assert.Contains(named, result.Error, StringComparison.Ordinal);
        Assert.Contains("run.json", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobTrigger_DatasetNotOfTheStrictPattern_StartsNothing()
    {
        await using var world = await FeedOnAzurite.StartAsync(azurite, SmallRuns, FixedClock.OnDay(Today));
        await world.UploadSampleAsync("Bad Name");
        var function = new InputUploadFunction(world.Starter, world.Stores, NullLogger<InputUploadFunction>.Instance);

        var result = await function.InputUploaded(world.Input.GetBlobClient("Bad Name/artists.csv"), "Bad Name", "artists.csv", world.Client, CancellationToken.None);

        Assert.NotNull(result);
        Assert.Equal("rejected", result.Status);
        Assert.Contains("dataset", result.Error, StringComparison.Ordinal);
    }
}
