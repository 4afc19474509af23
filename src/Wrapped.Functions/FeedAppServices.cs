using Microsoft.Extensions.Azure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Functions;

/// <summary>Everything the app's functions are built from, registered in one place so that tests build the same container.</summary>
internal static class FeedAppServices
{
    public static IServiceCollection AddWrappedFeed(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
            provider.GetRequiredService<IConfiguration>().GetSection(FeedDefaults.SectionName).Get<FeedDefaults>() ?? new FeedDefaults());
        services.AddSingleton(TimeProvider.System);
        services.AddAzureClientsCore();
        services.AddSingleton(provider =>
        {
            var blobs = FeedStorageClient.Create(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<AzureComponentFactory>());
            return new FeedStores(
                new BlobFeedStore(blobs.GetBlobContainerClient(FunctionSettings.InputContainer)),
                new BlobFeedStore(blobs.GetBlobContainerClient(FunctionSettings.OutputContainer)));
        });
        services.AddSingleton<RunStarter>();
        services.AddSingleton<DailyExtender>();
        FeedActivityRegistry.AddActivities(services);
        return services;
    }
}
