using Wrapped.Pipeline.Durable;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>The feed's orchestrators and activities, registered on the one-machine host under the names the Function app uses.</summary>
public static class FeedRegistrations
{
    public static void Register(LocalDurableRegistry registry, FeedStores stores)
    {
        registry
            .AddOrchestrator(nameof(FeedOrchestrator), () => new FeedOrchestrator())
            .AddOrchestrator(nameof(SimulateChunkOrchestrator), () => new SimulateChunkOrchestrator())
            .AddActivity(nameof(RecordRunActivity), () => new RecordRunActivity(stores))
            .AddActivity(nameof(PrepareCatalogActivity), () => new PrepareCatalogActivity(stores))
            .AddActivity(nameof(GenerateUsersActivity), () => new GenerateUsersActivity(stores))
            .AddActivity(nameof(SimulateBatchActivity), () => new SimulateBatchActivity(stores))
            .AddActivity(nameof(WriteManifestActivity), () => new WriteManifestActivity(stores));
    }
}
