using DurableTask.Core;

namespace Wrapped.DurableHost;

/// <summary>Hands DurableTask.Core a fresh shim per work item, built by a factory.</summary>
/// <remarks>
/// Shims hold per-execution state (the orchestration context wrapper), so each episode needs its own instance.
/// The version is always empty: this host runs one version of each orchestrator.
/// </remarks>
internal sealed class NamedObjectCreator<T> : ObjectCreator<T>
{
    private readonly Func<T> _create;

    public NamedObjectCreator(string name, Func<T> create)
    {
        Name = name;
        Version = string.Empty;
        _create = create;
    }

    public override T Create() => _create();
}
