namespace Wrapped.Pipeline.Storage;

/// <summary>
/// Where a run's files live: a local folder or a blob container. Every write is committed atomically
/// (a reader sees the old file or the whole new one, never half of one) and reports its size and SHA-256,
/// which the manifest records without reading the file back.
/// </summary>
public interface IFeedStore
{
    /// <summary>A human-readable location for messages, e.g. a folder path or a container URL without credentials.</summary>
    string Description { get; }

    /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, then commits it in one step.</summary>
    Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    /// <summary>Opens a committed file for reading; throws <see cref="FileNotFoundException"/> when there is none.</summary>
    Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string path, CancellationToken cancellationToken);

    /// <summary>Removes a file if it is there.</summary>
    Task DeleteAsync(string path, CancellationToken cancellationToken);

    /// <summary>
    /// Moves a committed file to <paramref name="to"/>, replacing what is there: a rename in a folder, a server-side copy
    /// then a delete in a container. Moving a file that is already gone while its target exists does nothing, so an
    /// interrupted series of moves can simply be run again.
    /// </summary>
    Task MoveAsync(string from, string to, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the exclusive lock <paramref name="path"/> without waiting: a lock on an open file in a folder, a lease on a
    /// blob, renewed while held, in a container. Returns null when someone else holds it.
    /// </summary>
    Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken);

    /// <summary>Names of the folders directly inside <paramref name="folder"/> (e.g. the run ids under <c>runs/</c>), in ordinal order.</summary>
    Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken);

    /// <summary>
    /// Paths of every file under <paramref name="prefix"/>, in ordinal order: committed files, and the temporaries of
    /// writes in progress or interrupted (<see cref="TemporaryFiles.Is"/>), which callers skip or clean up.
    /// </summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);
}

/// <summary>A committed file: its path in the store, its size and the lowercase hex SHA-256 of its bytes.</summary>
public sealed record StoredFile(string Path, long Bytes, string Sha256);
