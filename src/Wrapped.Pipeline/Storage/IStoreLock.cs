namespace Wrapped.Pipeline.Storage;

/// <summary>
/// An exclusive lock taken in a store (<see cref="IFeedStore.TryLockAsync"/>), held until disposed or until the
/// process that took it ends: the operating system releases a file lock when its process dies, and a blob lease that
/// is no longer renewed lapses within its duration.
/// </summary>
public interface IStoreLock : IAsyncDisposable
{
    /// <summary>Cancelled if the lock is lost while held (a lease that could not be renewed in time); never for a folder.</summary>
    CancellationToken Lost { get; }
}
