using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Functions;

/// <summary>
/// The orchestrators and activities as Functions: each method hands over to the shared class that the one-machine
/// host and the tests run too. Nothing is decided here.
/// </summary>
public sealed class FeedOrchestrationFunctions(IServiceProvider services)
{
    [Function(nameof(FeedOrchestrator))]
    public static Task<FeedRunResult> RunFeed([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new FeedOrchestrator().RunAsync(context, Required(context.GetInput<FeedRunRequest>(), nameof(FeedOrchestrator)));

    [Function(nameof(SimulateChunkOrchestrator))]
    public static Task<BatchOutcome> RunChunk([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SimulateChunkOrchestrator().RunAsync(context, Required(context.GetInput<SimulateChunkInput>(), nameof(SimulateChunkOrchestrator)));

    [Function(nameof(WrappedChunkOrchestrator))]
    public static Task<WrappedBatchOutcome> RunWrappedChunk([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new WrappedChunkOrchestrator().RunAsync(context, Required(context.GetInput<WrappedChunkInput>(), nameof(WrappedChunkOrchestrator)));

    [Function(nameof(RecordRunActivity))]
    public Task<RunPlan> RecordRun([ActivityTrigger] RecordRunInput input, FunctionContext context) =>
        Activity<RecordRunActivity>().RunAsync(ActivityContext.Of(nameof(RecordRunActivity), context), input);

    [Function(nameof(PrepareCatalogActivity))]
    public Task<CatalogOutcome> PrepareCatalog([ActivityTrigger] PrepareCatalogInput input, FunctionContext context) =>
        Activity<PrepareCatalogActivity>().RunAsync(ActivityContext.Of(nameof(PrepareCatalogActivity), context), input);

    [Function(nameof(GenerateUsersActivity))]
    public Task<long> GenerateUsers([ActivityTrigger] RunStepInput input, FunctionContext context) =>
        Activity<GenerateUsersActivity>().RunAsync(ActivityContext.Of(nameof(GenerateUsersActivity), context), input);

    [Function(nameof(SimulateBatchActivity))]
    public Task<BatchOutcome> SimulateBatch([ActivityTrigger] SimulateBatchInput input, FunctionContext context) =>
        Activity<SimulateBatchActivity>().RunAsync(ActivityContext.Of(nameof(SimulateBatchActivity), context), input);

    [Function(nameof(ScoreWrappedActivity))]
    public Task<WrappedBatchOutcome> ScoreWrapped([ActivityTrigger] WrappedBatchInput input, FunctionContext context) =>
        Activity<ScoreWrappedActivity>().RunAsync(ActivityContext.Of(nameof(ScoreWrappedActivity), context), input);

    [Function(nameof(WrappedMediansActivity))]
    public Task<int> WrappedMedians([ActivityTrigger] RunStepInput input, FunctionContext context) =>
        Activity<WrappedMediansActivity>().RunAsync(ActivityContext.Of(nameof(WrappedMediansActivity), context), input);

    [Function(nameof(ClassifyWrappedActivity))]
    public Task<WrappedBatchOutcome> ClassifyWrapped([ActivityTrigger] WrappedBatchInput input, FunctionContext context) =>
        Activity<ClassifyWrappedActivity>().RunAsync(ActivityContext.Of(nameof(ClassifyWrappedActivity), context), input);

    [Function(nameof(WriteManifestActivity))]
    public Task<ManifestCounts> WriteManifest([ActivityTrigger] RunStepInput input, FunctionContext context) =>
        Activity<WriteManifestActivity>().RunAsync(ActivityContext.Of(nameof(WriteManifestActivity), context), input);

    private T Activity<T>() where T : notnull => services.GetRequiredService<T>();

    private static T Required<T>(T? input, string name) where T : class =>
        input ?? throw new InvalidOperationException($"{name} was started without an input.");

    /// <summary>The Functions host has no TaskActivityContext of its own to give; the activities only read their name.</summary>
    private sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
    {
        public override TaskName Name => name;
        public override string InstanceId => instanceId;

        public static ActivityContext Of(string name, FunctionContext context) => new(name, context.InvocationId);
    }
}
