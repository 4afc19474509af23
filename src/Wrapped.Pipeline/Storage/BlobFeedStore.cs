using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Wrapped.Pipeline.Storage;

/// <summary>
/// A blob container (Azure Storage or Azurite). A file is first written to a local temporary file, then uploaded in
/// one Put Blob / block-list commit, so readers never see a partial blob and a retried write replaces it whole.
/// </summary>
public sealed class BlobFeedStore : IFeedStore
{
    private readonly BlobContainerClient _container;
    private readonly string _prefix;
    private int _containerReady;

    /// <param name="prefix">An optional folder inside the container that every path is relative to.</param>
    public BlobFeedStore(BlobContainerClient container, string prefix = "")
    {
        _container = container;
        _prefix = prefix.Trim('/').Length == 0 ? "" : prefix.Trim('/') + "/";
    }

    public string Description => $"{_container.Uri.GetLeftPart(UriPartial.Path)}/{_prefix}";

    /// <summary>How long a lock's lease lives without renewal (15-60 s); the holder renews it every third of that.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The container this store reads and writes (its account, credential and name).</summary>
    public BlobContainerClient Container => _container;

    public async Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var temp = Path.Combine(Path.GetTempPath(), $"wrapped-{Guid.NewGuid():N}.tmp");
        try
        {
            StoredFile stored;
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
            await using (var hashing = new HashingWriteStream(file))
            {
                await write(hashing, cancellationToken).ConfigureAwait(false);
                await hashing.FlushAsync(cancellationToken).ConfigureAwait(false);
                stored = new StoredFile(path.TrimStart('/'), hashing.BytesWritten, hashing.FinishHash());
            }
            await _container.GetBlobClient(FullName(path))
                .UploadAsync(temp, new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = ContentTypeOf(path) } }, cancellationToken)
                .ConfigureAwait(false);
            return stored;
        }
        finally
        {
            File.Delete(temp);
        }
    }

    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.GetBlobClient(FullName(path)).OpenReadAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            throw new FileNotFoundException($"No blob '{FullName(path)}' in container {_container.Name}.", path, e);
        }
    }

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await _container.GetBlobClient(FullName(path)).ExistsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken)
    {
        var prefix = FullName(folder.TrimEnd('/') + "/");
        var names = new List<string>();
        try
        {
            await foreach (var item in _container.GetBlobsByHierarchyAsync(BlobTraits.None, BlobStates.None, "/", prefix, cancellationToken).ConfigureAwait(false))
            {
                if (item.IsPrefix) names.Add(item.Prefix[prefix.Length..].TrimEnd('/'));
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await _container.GetBlobClient(FullName(path)).DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // The container itself is gone: there is nothing to delete.
        }
    }

    public async Task MoveAsync(string from, string to, CancellationToken cancellationToken)
    {
        var source = _container.GetBlobClient(FullName(from));
        var target = _container.GetBlobClient(FullName(to));
        try
        {
            // A copy inside one account is done by the service, usually before this call returns.
            var copy = await target.StartCopyFromUriAsync(source.Uri, cancellationToken: cancellationToken).ConfigureAwait(false);
            await copy.WaitForCompletionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            if (await ExistsAsync(to, cancellationToken).ConfigureAwait(false)) return; // moved before an interruption
            throw new FileNotFoundException($"No blob '{FullName(from)}' in container {_container.Name} to move to '{FullName(to)}'.", from, e);
        }
        await source.DeleteIfExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    public async Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken)
    {
        await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient(FullName(path));
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
                .ConfigureAwait(false);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob is there already (and maybe leased): the lease decides.
        }
        return await BlobLeaseLock.TryAcquireAsync(blob, LeaseDuration, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var names = new List<string>();
        try
        {
            await foreach (var item in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, FullName(prefix), cancellationToken).ConfigureAwait(false))
            {
                names.Add(item.Name[_prefix.Length..]);
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return [];
        }
        names.Sort(StringComparer.Ordinal);
        return names;
    }

    private async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _containerReady) == 1) return;
        await _container.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        Volatile.Write(ref _containerReady, 1);
    }

    /// <summary>
    /// The blob name of <paramref name="path"/>. A "." or ".." segment is refused: the blob's URL would be normalised
    /// by the HTTP stack and could leave this container (callers validate names; this is the last line).
    /// </summary>
    private string FullName(string path)
    {
        var relative = path.TrimStart('/');
        if (relative.Contains('\\') || relative.Split('/').Any(segment => segment is "." or ".."))
            throw new ArgumentException($"Path '{path}' leaves the store's container.", nameof(path));
        return _prefix + relative;
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".json" => "application/json",
        ".avro" => "application/avro",
        _ => "application/octet-stream",
    };
}
