using DurableTask.Core;

namespace Wrapped.DurableHost;

/// <summary>Resolves orchestrators and activities by name alone.</summary>
/// <remarks>
/// The SDK shims schedule activities with the calling orchestration's version, so an orchestration started with a
/// version would find no activity under Core's name+version key. The Function host ignores versions the same way.
/// </remarks>
internal sealed class NameOnlyObjectManager<T> : INameVersionObjectManager<T>
    where T : class
{
    private readonly Dictionary<string, ObjectCreator<T>> _creators = new(StringComparer.OrdinalIgnoreCase);

    public void Add(ObjectCreator<T> creator)
    {
        if (!_creators.TryAdd(creator.Name, creator))
        {
            throw new InvalidOperationException($"'{creator.Name}' is registered twice.");
        }
    }

    // Null tells Core the name is unknown, which it reports as a failed task rather than a crash.
    public T? GetObject(string name, string? version) =>
        _creators.TryGetValue(name, out ObjectCreator<T>? creator) ? creator.Create() : null;
}
