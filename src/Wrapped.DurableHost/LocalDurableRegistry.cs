using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;

namespace Wrapped.DurableHost;

/// <summary>The orchestrators and activities a <see cref="LocalDurableHost"/> runs, by the names callers use.</summary>
public sealed class LocalDurableRegistry
{
    private readonly DurableTaskShimFactory _shims;

    internal LocalDurableRegistry(DurableTaskShimFactory shims) => _shims = shims;

    internal NameOnlyObjectManager<TaskOrchestration> Orchestrations { get; } = new();

    internal NameOnlyObjectManager<TaskActivity> Activities { get; } = new();

    /// <summary>Registers an orchestrator; <paramref name="factory"/> runs once per replay episode.</summary>
    public LocalDurableRegistry AddOrchestrator(string name, Func<ITaskOrchestrator> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);

        Orchestrations.Add(new NamedObjectCreator<TaskOrchestration>(
            name,
            () => new ParentAwareOrchestration(
                parent => _shims.CreateOrchestration(new TaskName(name), factory(), parent))));
        return this;
    }

    /// <summary>Registers an activity; <paramref name="factory"/> runs once per execution.</summary>
    public LocalDurableRegistry AddActivity(string name, Func<ITaskActivity> factory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(factory);
        Activities.Add(new NamedObjectCreator<TaskActivity>(
            name, () => _shims.CreateActivity(new TaskName(name), factory())));
        return this;
    }

    /// <summary>Registers an orchestrator under its class name, as the Function app's triggers name it.</summary>
    public LocalDurableRegistry AddOrchestrator<T>()
        where T : ITaskOrchestrator, new()
        => AddOrchestrator(typeof(T).Name, static () => new T());

    /// <summary>Registers an activity under its class name, as the Function app's triggers name it.</summary>
    public LocalDurableRegistry AddActivity<T>()
        where T : ITaskActivity, new()
        => AddActivity(typeof(T).Name, static () => new T());
}
