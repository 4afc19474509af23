using Microsoft.Extensions.DependencyInjection;
using Wrapped.Pipeline.Orchestration;

namespace Wrapped.Functions;

internal static class FeedActivityRegistry
{
    public static void AddActivities(IServiceCollection services)
    {
        services.AddTransient<RecordRunActivity>();
        services.AddTransient<PrepareCatalogActivity>();
        services.AddTransient<GenerateUsersActivity>();
        services.AddTransient<SimulateBatchActivity>();
        services.AddTransient<ScoreWrappedActivity>();
        services.AddTransient<WrappedMediansActivity>();
        services.AddTransient<ClassifyWrappedActivity>();
        services.AddTransient<WriteManifestActivity>();
    }
}
