using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Wrapped.Pipeline.Runs;
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
        var overrides = await stores.Input.TryReadJsonAsync<RunRequestOverrides>($"{dataset}/{RunOverridesFile}", cancellationToken) ?? new RunRequestOverrides();
        var result = await starter.StartAsync(client, dataset, overrides, cancellationToken);
        logger.LogInformation("Upload of {Blob}: {Status} {RunId}", blob.Name, result.Status, result.RunId);
        return result;
    }
}
