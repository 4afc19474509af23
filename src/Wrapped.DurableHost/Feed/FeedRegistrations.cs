using Microsoft.DurableTask;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Storage;

namespace Wrapped.DurableHost.Feed;

/// <summary>The feed's orchestrators and activities, registered on the one-machine host under the names the Function app uses.</summary>
public static class FeedRegistrations
{
    /// <param name="onActivityDone">Told the name and input of every activity this worker finishes (for worker logs).</param>
    public static void Register(LocalDurableRegistry registry, FeedStores stores, Action<string, object?>? onActivityDone = null) =>
        Register(registry, stores, onActivityDone is null ? null : (name, activity) => new ReportingActivity(name, activity, onActivityDone));

    /// <param name="decorate">Wraps each activity by its name: what a worker logs, or what a test holds or disturbs.</param>
    public static void Register(LocalDurableRegistry registry, FeedStores stores, Func<string, ITaskActivity, ITaskActivity>? decorate)
    {
        registry
            .AddOrchestrator(nameof(FeedOrchestrator), () => new FeedOrchestrator())
            .AddOrchestrator(nameof(SimulateChunkOrchestrator), () => new SimulateChunkOrchestrator())
            .AddOrchestrator(nameof(WrappedChunkOrchestrator), () => new WrappedChunkOrchestrator());
        Add(registry, nameof(RecordRunActivity), () => new RecordRunActivity(stores), decorate);
        Add(registry, nameof(PrepareCatalogActivity), () => new PrepareCatalogActivity(stores), decorate);
        Add(registry, nameof(GenerateUsersActivity), () => new GenerateUsersActivity(stores), decorate);
        Add(registry, nameof(SimulateBatchActivity), () => new SimulateBatchActivity(stores), decorate);
        Add(registry, nameof(ScoreWrappedActivity), () => new ScoreWrappedActivity(stores), decorate);
        Add(registry, nameof(WrappedMediansActivity), () => new WrappedMediansActivity(stores), decorate);
        Add(registry, nameof(ClassifyWrappedActivity), () => new ClassifyWrappedActivity(stores), decorate);
        Add(registry, nameof(WriteManifestActivity), () => new WriteManifestActivity(stores), decorate);
    }

    private static void Add(LocalDurableRegistry registry, string name, Func<ITaskActivity> create, Func<string, ITaskActivity, ITaskActivity>? decorate) =>
        registry.AddActivity(name, decorate is null ? create : () => decorate(name, create()));

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
