using Wrapped.Pipeline.Storage;

namespace Wrapped.TestSupport.Stores;

/// <summary>A store that hands every call to another: tests override the calls they want to disturb or watch.</summary>
public abstract class ForwardingFeedStore(IFeedStore inner) : IFeedStore
{
    protected IFeedStore Inner { get; } = inner;

    public virtual string Description => Inner.Description;

    public virtual Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        Inner.WriteAsync(path, write, cancellationToken);

    public virtual Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => Inner.OpenReadAsync(path, cancellationToken);

    public virtual Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) => Inner.ExistsAsync(path, cancellationToken);

    public virtual Task DeleteAsync(string path, CancellationToken cancellationToken) => Inner.DeleteAsync(path, cancellationToken);

    public virtual Task MoveAsync(string from, string to, CancellationToken cancellationToken) => Inner.MoveAsync(from, to, cancellationToken);

    public virtual Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken) => Inner.TryLockAsync(path, cancellationToken);

    public virtual Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken) =>
        Inner.ListFoldersAsync(folder, cancellationToken);

    public virtual Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => Inner.ListAsync(prefix, cancellationToken);
}
