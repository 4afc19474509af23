using DurableTask.Core;
using Microsoft.DurableTask;

namespace Wrapped.DurableHost;

/// <summary>
/// Defers building the SDK shim until the first execution, when the dispatcher has said who the parent is.
/// </summary>
/// <remarks>
/// Core creates the orchestration object before it runs any middleware, but the shim takes its parent only at
/// construction; without this, <see cref="TaskOrchestrationContext.Parent"/> would be null in every
/// sub-orchestration, unlike under the Functions host.
/// </remarks>
internal sealed class ParentAwareOrchestration(Func<ParentOrchestrationInstance?, TaskOrchestration> create) : TaskOrchestration
{
    private static readonly AsyncLocal<ParentOrchestrationInstance?> CurrentParent = new();

    private TaskOrchestration? _inner;

    /// <summary>Dispatcher middleware: exposes the work item's parent to the execution that follows.</summary>
    public static async Task CaptureParentAsync(
        DurableTask.Core.Middleware.DispatchMiddlewareContext context, Func<Task> next)
    {
        ParentInstance? parent = context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance;
        CurrentParent.Value = parent is null
            ? null
            : new ParentOrchestrationInstance(new TaskName(parent.Name), parent.OrchestrationInstance.InstanceId);
        await next();
    }

    public override Task<string> Execute(OrchestrationContext context, string input)
    {
        _inner ??= create(CurrentParent.Value);
        return _inner.Execute(context, input);
    }

    public override string GetStatus() => _inner?.GetStatus()!;

    public override void RaiseEvent(OrchestrationContext context, string name, string input) =>
        _inner?.RaiseEvent(context, name, input);
}
