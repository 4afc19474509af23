namespace Wrapped.Pipeline.Storage;

/// <summary>
/// A folder on disk. Files are written under a temporary name beside the target (<see cref="TemporaryFiles"/>) and
/// renamed into place, and streamed past the page cache (<see cref="PageCacheDropBehind"/>). A folder that a move or a
/// delete leaves empty is removed, as a container has no empty folders.
/// </summary>
public sealed class LocalFeedStore : IFeedStore
{
    private readonly string _root;
    private readonly PageCacheDropBehind? _dropBehind;

    public LocalFeedStore(string root)
        : this(root, PageCacheDropBehind.ForThisPlatform())
    {
    }

    internal LocalFeedStore(string root, PageCacheDropBehind? dropBehind)
    {
        _root = Path.GetFullPath(root);
        _dropBehind = dropBehind;
    }

    public string Description => _root;

    public async Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var target = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = TemporaryFiles.For(target);
        try
        {
            StoredFile stored;
            // Unbuffered: every writer hands over whole blocks, and a 64 KiB buffer per file was most of a run's allocations.
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0, FileOptions.SequentialScan))
            await using (var hashing = new HashingWriteStream(file))
            {
                await write(hashing, cancellationToken).ConfigureAwait(false);
                await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
                stored = new StoredFile(Normalize(path), hashing.BytesWritten, hashing.FinishHash());
                _dropBehind?.StartWriteBack(file.SafeFileHandle);
            }
            File.Move(temp, target, overwrite: true);
            _dropBehind?.Committed(target, stored.Bytes);
            return stored;
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"No file '{Normalize(path)}' in {_root}.", full);
        Stream stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Task.FromResult(stream);
    }

    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) => Task.FromResult(File.Exists(Resolve(path)));

    public Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken)
    {
        var full = Resolve(folder);
        IReadOnlyList<string> names = Directory.Exists(full)
            ? Directory.GetDirectories(full).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        return Task.FromResult(names);
    }

    public Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        if (File.Exists(full))
        {
            File.Delete(full);
            RemoveEmptyFolders(Path.GetDirectoryName(full)!);
        }
        return Task.CompletedTask;
    }

    public Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        var source = Resolve(from);
        var target = Resolve(to);
        if (!File.Exists(source))
        {
            if (File.Exists(target)) return Task.CompletedTask;
            throw new FileNotFoundException($"No file '{Normalize(from)}' in {_root} to move to '{Normalize(to)}'.", source);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Move(source, target, overwrite: true);
        RemoveEmptyFolders(Path.GetDirectoryName(source)!);
        return Task.CompletedTask;
    }

    public Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken)
    {
        var full = Resolve(path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        try
        {
            // FileShare.None locks the open file exclusively (flock on Unix, a share mode on Windows); the operating
            // system drops the lock when the file is closed or its process ends, even by kill -9, so no lock is stale.
            var file = new FileStream(full, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
            return Task.FromResult<IStoreLock?>(new FileLock(file));
        }
        catch (IOException e) when (IsLockedElsewhere(e))
        {
            return Task.FromResult<IStoreLock?>(null);
        }
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root)) return Task.FromResult<IReadOnlyList<string>>([]);
        var normalizedPrefix = Normalize(prefix);
        var searchRoot = Resolve(normalizedPrefix.Contains('/') ? normalizedPrefix[..normalizedPrefix.LastIndexOf('/')] : "");
        if (!Directory.Exists(searchRoot)) return Task.FromResult<IReadOnlyList<string>>([]);
        var paths = Directory.EnumerateFiles(searchRoot, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(_root, f).Replace('\\', '/'))
            .Where(p => p.StartsWith(normalizedPrefix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        return Task.FromResult<IReadOnlyList<string>>(paths);
    }

    private string Resolve(string path)
    {
        var normalized = Normalize(path);
        var full = Path.GetFullPath(Path.Combine(_root, normalized));
        if (!full.StartsWith(_root, StringComparison.Ordinal))
            throw new ArgumentException($"Path '{path}' leaves the store's folder.", nameof(path));
        return full;
    }

    private static string Normalize(string path) => path.Replace('\\', '/').TrimStart('/');

    /// <summary>Removes <paramref name="folder"/> and its parents up to the store's root while they are empty.</summary>
    private void RemoveEmptyFolders(string folder)
    {
        for (var dir = folder; dir.Length > _root.Length && dir.StartsWith(_root, StringComparison.Ordinal); dir = Path.GetDirectoryName(dir)!)
        {
            try
            {
                if (Directory.EnumerateFileSystemEntries(dir).Any()) return;
                Directory.Delete(dir);
            }
            catch (IOException)
            {
                return; // filled again meanwhile, or already gone
            }
        }
    }

    // The error a file lock held by another open file gives: EWOULDBLOCK on Linux (11) and macOS (35), a sharing or
    // lock violation on Windows.
    private static bool IsLockedElsewhere(IOException e) =>
        e.HResult is 11 or 35 or unchecked((int)0x80070020) or unchecked((int)0x80070021);

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private sealed class FileLock(FileStream file) : IStoreLock
    {
        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => file.DisposeAsync();
    }
}
