using Azure.Storage.Blobs;
using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;

namespace Wrapped.Functions;

/// <summary>
/// The feed's blob client, built from the <c>FeedStorage</c> section the way the Functions host builds the blob trigger's
/// own client from it, with the Azure SDK's client factory: a connection string (Azurite), or <c>blobServiceUri</c> with
/// the credential the section names (in Azure a user-assigned managed identity: <c>credential: managedidentity</c>,
/// <c>clientId</c>). Never the host's <c>AzureWebJobsStorage</c>: the feed would silently land in the wrong account.
/// </summary>
internal static class FeedStorageClient
{
    public const string BlobServiceUriKey = "blobServiceUri";

    public static BlobServiceClient Create(IConfiguration configuration, AzureComponentFactory factory)
    {
        var section = configuration.GetSection(FunctionSettings.FeedStorageConnection);
        var options = (BlobClientOptions)factory.CreateClientOptions(typeof(BlobClientOptions), null, section);
        if (!string.IsNullOrWhiteSpace(section.Value))
        {
            return (BlobServiceClient)factory.CreateClient(typeof(BlobServiceClient), section, null, options);
        }
        if (section[BlobServiceUriKey] is not { Length: > 0 } blobServiceUri)
        {
            throw new InvalidOperationException(
                $"Set {FunctionSettings.FeedStorageConnection} to the storage account of the input and output containers: a connection " +
                $"string (Azurite: UseDevelopmentStorage=true), or {FunctionSettings.FeedStorageConnection}__{BlobServiceUriKey} with " +
                $"{FunctionSettings.FeedStorageConnection}__credential=managedidentity and {FunctionSettings.FeedStorageConnection}__clientId. " +
                "The host's AzureWebJobsStorage is never used for the feed.");
        }
        // The SDK's factory matches configuration keys to constructor parameters; the blob client's is `serviceUri`.
        var endpoint = new ConfigurationBuilder().AddInMemoryCollection([new("serviceUri", blobServiceUri)]).Build();
        return (BlobServiceClient)factory.CreateClient(typeof(BlobServiceClient), endpoint, factory.CreateTokenCredential(section), options);
    }
}
