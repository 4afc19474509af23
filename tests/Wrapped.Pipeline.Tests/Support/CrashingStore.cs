using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport.Stores;

namespace Wrapped.Pipeline.Tests.Support;

/// <summary>
/// Stands for a process killed before its <paramref name="crashAt"/>-th change to the store: that change and every
/// later one never happen. Records the paths it let through, in order.
/// </summary>
internal sealed class CrashingStore(IFeedStore inner, int crashAt) : ForwardingFeedStore(inner)
{
    private int _changes;

    public List<string> Changed { get; } = [];

    public override async Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        Change(path);
        return await base.WriteAsync(path, write, cancellationToken);
    }

    public override Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        Change(path);
        return base.DeleteAsync(path, cancellationToken);
    }

    public override Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        Change(to);
        return base.MoveAsync(from, to, cancellationToken);
    }

    private void Change(string path)
    {
        lock (Changed)
        {
            if (++_changes >= crashAt) throw new SimulatedCrash(path);
            Changed.Add(path);
        }
    }
}

internal sealed class SimulatedCrash(string path) : Exception($"Simulated crash before changing {path}.");
