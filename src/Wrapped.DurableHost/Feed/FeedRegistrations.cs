using Microsoft.DurableTask;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Storage;

namespace Wrapped.DurableHost.Feed;

/// <summary>The feed's orchestrators and activities, registered on the one-machine host under the names the Function app uses.</summary>
public static class FeedRegistrations
{
    /// <param name="onActivityDone">Told the name and input of every activity this worker finishes (for worker logs).</param>
    public static void Register(LocalDurableRegistry registry, FeedStores stores, Action<string, object?>? onActivityDone = null)
    {
        registry
            .AddOrchestrator(nameof(FeedOrchestrator), () => new FeedOrchestrator())
            .AddOrchestrator(nameof(SimulateChunkOrchestrator), () => new SimulateChunkOrchestrator());
        Add(registry, nameof(RecordRunActivity), () => new RecordRunActivity(stores), onActivityDone);
        Add(registry, nameof(PrepareCatalogActivity), () => new PrepareCatalogActivity(stores), onActivityDone);
        Add(registry, nameof(GenerateUsersActivity), () => new GenerateUsersActivity(stores), onActivityDone);
        Add(registry, nameof(SimulateBatchActivity), () => new SimulateBatchActivity(stores), onActivityDone);
        Add(registry, nameof(WriteManifestActivity), () => new WriteManifestActivity(stores), onActivityDone);
    }

    private static void Add(LocalDurableRegistry registry, string name, Func<ITaskActivity> create, Action<string, object?>? onDone) =>
        registry.AddActivity(name, onDone is null ? create : () => new ReportingActivity(name, create(), onDone));

    private sealed class ReportingActivity(string name, ITaskActivity inner, Action<string, object?> onDone) : ITaskActivity
    {
        public Type InputType => inner.InputType;
        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            var output = await inner.RunAsync(context, input).ConfigureAwait(false);
            onDone(name, input);
            return output;
        }
    }
}
