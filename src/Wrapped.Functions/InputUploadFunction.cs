using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Functions;

/// <summary>
/// An upload under <c>wrapped-input/{dataset}/</c> starts the dataset's run once its three CSVs are all there, in any
/// upload order. Event Grid delivers the blob events, so this also runs on the Flex Consumption plan.
/// </summary>
public sealed class InputUploadFunction(RunStarter starter, FeedStores stores, ILogger<InputUploadFunction> logger)
{
    public const string RunOverridesFile = "run.json";

    private static readonly HashSet<string> Triggering = new(StringComparer.OrdinalIgnoreCase)
    {
        InputFiles.TracksName, InputFiles.ExtendedName, InputFiles.ArtistsName, RunOverridesFile,
    };

    [Function(nameof(InputUploaded))]
    public async Task<StartResult?> InputUploaded(
        [BlobTrigger(FunctionSettings.InputBlobPath, Source = BlobTriggerSource.EventGrid, Connection = FunctionSettings.FeedStorageConnection)] BlobClient blob,
        string dataset,
        string file,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        if (!Triggering.Contains(file))
        {
            logger.LogInformation("Ignoring {Blob}: not one of the inputs of a run.", blob.Name);
            return null;
        }
        StartResult result;
        string? runJson = null;
        try
        {
            (var overrides, runJson) = await OverridesAsync(dataset, cancellationToken);
            result = await starter.StartAsync(client, dataset, overrides, cancellationToken);
        }
        catch (FeedInputException e)
        {
            // Nobody is waiting on an upload's answer: the log and the function's result say why nothing started.
            var reason = e.Problems.Count > 0 && runJson is not null ? $"{runJson}: {e.Message}" : e.Message;
            logger.LogWarning("Upload of {Blob}: rejected, {Reason}", blob.Name, reason);
            return StartResult.Rejected(reason);
        }
        logger.LogInformation("Upload of {Blob}: {Status} {RunId}", blob.Name, result.Status, result.RunId);
        return result;
    }

    /// <summary>The dataset's <c>run.json</c>, read strictly, and its path; none means the defaults.</summary>
    /// <exception cref="FeedInputException">The dataset's name or its <c>run.json</c> is not valid.</exception>
    private async Task<(RunRequestOverrides Overrides, string? Source)> OverridesAsync(string dataset, CancellationToken cancellationToken)
    {
        // Checked before it becomes part of a blob path.
        if (RunIdentity.DatasetProblem(dataset) is { } problem) throw new FeedInputException($"dataset {problem}.");
        var path = $"{dataset}/{RunOverridesFile}";
        if (!await stores.Input.ExistsAsync(path, cancellationToken)) return (new RunRequestOverrides(), null);
        await using var json = await stores.Input.OpenReadAsync(path, cancellationToken);
        var overrides = await RunRequestJson.ReadAsync(json, path, cancellationToken);
        if (overrides.Dataset is { } named && named != dataset)
            throw new FeedInputException($"{path} names dataset '{named}' but lies in the folder of '{dataset}': leave dataset out of it, or make them equal.");
        return (overrides, path);
    }
}
