using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Wrapped.Functions;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;

var builder = FunctionsApplication.CreateBuilder(args);

var defaults = builder.Configuration.GetSection(FeedDefaults.SectionName).Get<FeedDefaults>() ?? new FeedDefaults();
builder.Services.AddSingleton(defaults);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton(services =>
{
    var configuration = services.GetRequiredService<IConfiguration>();
    var connection = configuration[FunctionSettings.FeedStorageConnection] ?? configuration["AzureWebJobsStorage"]
        ?? throw new InvalidOperationException($"Set {FunctionSettings.FeedStorageConnection} (or AzureWebJobsStorage) to the storage account's connection string.");
    var blobs = new BlobServiceClient(connection);
    return new FeedStores(
        new BlobFeedStore(blobs.GetBlobContainerClient(defaults.InputContainer)),
        new BlobFeedStore(blobs.GetBlobContainerClient(defaults.OutputContainer)));
});
builder.Services.AddSingleton<RunStarter>();
builder.Services.AddSingleton<DailyExtender>();
FeedActivityRegistry.AddActivities(builder.Services);

builder.Build().Run();
