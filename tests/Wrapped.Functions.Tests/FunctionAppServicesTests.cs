using Azure.Identity;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Functions.Tests;

/// <summary>
/// The app's real host and container (<see cref="FunctionsApplication.CreateBuilder(string[])"/> and the registrations
/// Program.cs makes), fed the settings the infrastructure deploys and the ones a developer uses on Azurite.
/// </summary>
public sealed class FunctionAppServicesTests
{
    private const string FeedBlobServiceUri = "https://wrappedfeedstore.blob.core.windows.net";
    private const string IdentityClientId = "6d2a3a0e-5a4c-4b7e-9f51-2c1f0e8d7b93";

    /// <summary>The identity-based settings of the deployed app (infra/main.bicep), keys as the environment spells them.</summary>
    private static readonly Dictionary<string, string?> AzureSettings = new()
    {
        ["AzureWebJobsStorage__accountName"] = "wrappedhoststore",
        ["AzureWebJobsStorage__credential"] = "managedidentity",
        ["AzureWebJobsStorage__clientId"] = IdentityClientId,
        ["FeedStorage__blobServiceUri"] = FeedBlobServiceUri,
        ["FeedStorage__queueServiceUri"] = "https://wrappedfeedstore.queue.core.windows.net",
        ["FeedStorage__credential"] = "managedidentity",
        ["FeedStorage__clientId"] = IdentityClientId,
        ["DailySchedule"] = "0 30 2 * * *",
    };

    /// <summary>local.settings.sample.json's values: Azurite's public development account for both.</summary>
    private static readonly Dictionary<string, string?> AzuriteSettings = new()
    {
        ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
        ["FeedStorage"] = "UseDevelopmentStorage=true",
        ["DailySchedule"] = "0 30 2 * * *",
    };

    [Fact]
    public void IdentitySettings_FeedStores_AreBoundToTheConfiguredAccountWithTheManagedIdentityAndNoKey()
    {
        using var app = BuildApp(AzureSettings);
        var stores = app.Services.GetRequiredService<FeedStores>();

        foreach (var (store, container) in new[] { (stores.Input, "wrapped-input"), (stores.Output, "wrapped-feed") })
        {
            var client = Assert.IsType<BlobFeedStore>(store).Container;
            var credentials = StorageClientCredentials.Of(client);

            Assert.Equal(new Uri($"{FeedBlobServiceUri}/{container}"), client.Uri);
            Assert.False(client.CanGenerateSasUri);
            Assert.Null(credentials.SharedKey);
            Assert.Null(credentials.Sas);
            var identity = Assert.IsType<ManagedIdentityCredential>(credentials.Token);
            Assert.Contains(IdentityClientId, StorageClientCredentials.ManagedIdentityOf(identity), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void AzuriteSettings_FeedStores_UseTheConnectionString()
    {
        using var app = BuildApp(AzuriteSettings);
        var stores = app.Services.GetRequiredService<FeedStores>();

        var input = Assert.IsType<BlobFeedStore>(stores.Input).Container;
        var output = Assert.IsType<BlobFeedStore>(stores.Output).Container;
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/wrapped-input"), input.Uri);
        Assert.Equal(new Uri("http://127.0.0.1:10000/devstoreaccount1/wrapped-feed"), output.Uri);
        Assert.Equal("devstoreaccount1", StorageClientCredentials.Of(input).SharedKey?.AccountName);
        Assert.Null(StorageClientCredentials.Of(input).Token);
    }

    [Fact]
    public void HostStorageOnly_FeedStores_RefuseToFallBackToIt()
    {
        using var app = BuildApp(new Dictionary<string, string?> { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" });

        var error = Assert.Throws<InvalidOperationException>(() => app.Services.GetRequiredService<FeedStores>());

        Assert.Contains("FeedStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void HostOnAzuriteFeedByIdentity_FeedStores_UseTheFeedAccountNotTheHosts()
    {
        var settings = new Dictionary<string, string?>(AzureSettings) { ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true" };
        using var app = BuildApp(settings);

        var input = Assert.IsType<BlobFeedStore>(app.Services.GetRequiredService<FeedStores>().Input).Container;

        Assert.Equal(new Uri($"{FeedBlobServiceUri}/wrapped-input"), input.Uri);
    }

    [Fact]
    public void InputStore_IsTheContainerTheBlobTriggerWatches()
    {
        using var app = BuildApp(AzureSettings);
        var input = Assert.IsType<BlobFeedStore>(app.Services.GetRequiredService<FeedStores>().Input).Container;

        var triggerPath = FunctionsMetadata.Trigger("InputUploaded").GetProperty("path").GetString()!;

        Assert.Equal(triggerPath[..triggerPath.IndexOf('/', StringComparison.Ordinal)], input.Name);
    }

    [Theory]
    [InlineData("azure")]
    [InlineData("azurite")]
    public void EveryFunctionClassAndActivity_Resolves(string settings)
    {
        using var app = BuildApp(settings == "azure" ? AzureSettings : AzuriteSettings);

        // The classes the host will ask the worker to create: every function's entry point, as functions.metadata names it.
        var functionClasses = FunctionsMetadata.Functions
            .Select(f => f.GetProperty("entryPoint").GetString()!)
            .Select(entryPoint => typeof(FeedAppServices).Assembly.GetType(entryPoint[..entryPoint.LastIndexOf('.')], throwOnError: true)!)
            .Distinct()
            .ToArray();
        // Activities are resolved by their function class on each call; each function is named after its class (nameof).
        var activities = FunctionsMetadata.FunctionsTriggeredBy("activityTrigger")
            .Select(name => typeof(FeedOrchestrator).Assembly.GetType($"{typeof(FeedOrchestrator).Namespace}.{name}", throwOnError: true)!)
            .ToArray();

        Assert.NotEmpty(functionClasses);
        Assert.NotEmpty(activities);
        // How the worker creates a function class for each invocation.
        Assert.All(functionClasses, type => Assert.NotNull(ActivatorUtilities.CreateInstance(app.Services, type)));
        Assert.All(activities, type => Assert.NotNull(app.Services.GetRequiredService(type)));
    }

    private static IHost BuildApp(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = FunctionsApplication.CreateBuilder([]);
        // As the Functions host passes app settings: environment-style names, `__` for a section.
        builder.Configuration.AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), s.Value)));
        builder.Services.AddWrappedFeed();
        return builder.Build();
    }
}
