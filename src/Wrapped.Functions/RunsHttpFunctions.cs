using System.Net;
using System.Text.Json;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Http;
using Microsoft.DurableTask.Client;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using static Wrapped.Functions.HttpAnswers;

namespace Wrapped.Functions;

/// <summary><c>POST /api/runs</c> starts a run of an uploaded dataset; <c>GET /api/runs/{runId}</c> reports its status and progress.</summary>
public sealed class RunsHttpFunctions(RunStarter starter)
{
    [Function(nameof(StartRun))]
    public async Task<HttpResponseData> StartRun(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "runs")] HttpRequestData request,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        StartResult result;
        string? dataset = null;
        try
        {
            var body = await RunRequestJson.ReadAsync(request.Body, "The body", cancellationToken);
            dataset = body.Dataset;
            if (dataset is not { Length: > 0 })
                return await Problem(request, HttpStatusCode.BadRequest, "The body must name a dataset: {\"dataset\": \"…\"} (its CSVs uploaded under wrapped-input/{dataset}/).");
            result = await starter.StartAsync(client, dataset, body, cancellationToken);
        }
        catch (FeedInputException e)
        {
            return await Problem(request, HttpStatusCode.BadRequest, e.Message);
        }
        if (result.RunId is null)
            return await Problem(request, HttpStatusCode.Conflict, $"Dataset '{dataset}' is missing inputs: {string.Join(", ", result.MissingInputs)}.");

        var statusUri = new Uri(request.Url, $"/api/runs/{result.RunId}");
        var response = await JsonAnswer(request, HttpStatusCode.Accepted, new { runId = result.RunId, status = result.Status, statusQueryGetUri = statusUri }, cancellationToken);
        response.Headers.Add("Location", statusUri.ToString());
        return response;
    }

    [Function(nameof(GetRun))]
    public async Task<HttpResponseData> GetRun(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "runs/{runId}")] HttpRequestData request,
        string runId,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (RunIdentity.RunIdProblem(runId) is { } problem)
            return await Problem(request, HttpStatusCode.BadRequest, $"runId {problem}.");
        var instance = await client.GetInstanceAsync(runId, getInputsAndOutputs: true, cancellationToken);
        if (instance is null) return await Problem(request, HttpStatusCode.NotFound, $"No run '{runId}'.");

        var progress = instance.SerializedCustomStatus is { } status ? JsonSerializer.Deserialize<RunProgress>(status, FeedJson.Options) : null;
        var result = instance.RuntimeStatus == OrchestrationRuntimeStatus.Completed ? instance.ReadOutputAs<FeedRunResult>() : null;
        return await JsonAnswer(request, HttpStatusCode.OK, new
        {
            runId,
            status = instance.RuntimeStatus.ToString(),
            progress,
            result,
            error = instance.FailureDetails?.ErrorMessage,
            createdAt = instance.CreatedAt,
            lastUpdatedAt = instance.LastUpdatedAt,
        }, cancellationToken);
    }
}
