namespace Wrapped.Pipeline.Storage;

/// <summary>
/// A folder on disk. Files are written under a temporary name beside the target and renamed into place, and
/// streamed past the page cache (<see cref="PageCacheDropBehind"/>).
/// </summary>
public sealed class LocalFeedStore : IFeedStore
{
    private const string TempSuffix = ".tmp";
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
        // Unique per writer so that two attempts of the same activity never share a temporary file.
        var temp = $"{target}.{Guid.NewGuid():N}{TempSuffix}";
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
        if (File.Exists(full)) File.Delete(full);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root)) return Task.FromResult<IReadOnlyList<string>>([]);
        var normalizedPrefix = Normalize(prefix);
        var searchRoot = Resolve(normalizedPrefix.Contains('/') ? normalizedPrefix[..normalizedPrefix.LastIndexOf('/')] : "");
        if (!Directory.Exists(searchRoot)) return Task.FromResult<IReadOnlyList<string>>([]);
        var paths = Directory.EnumerateFiles(searchRoot, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(TempSuffix, StringComparison.Ordinal))
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

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
