using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// A local store that keeps every file but the events, whose bytes it only counts (and hashes, if asked): the end-to-end
/// run without the file system, to tell the cost of storage from the cost of simulating and encoding.
/// </summary>
internal sealed class DiscardingEventsStore(LocalFeedStore inner, bool hash) : IFeedStore
{
    public string Description => inner.Description + " (events discarded)";

    public async Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (!path.Contains("/events/", StringComparison.Ordinal)) return await inner.WriteAsync(path, write, cancellationToken);
        using var sha = hash ? System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256) : null;
        var sink = new CountingStream(sha);
        await write(sink, cancellationToken);
        return new StoredFile(path, sink.Length, sha is null ? new string('0', 64) : Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => inner.OpenReadAsync(path, cancellationToken);
    public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) => inner.ExistsAsync(path, cancellationToken);
    public Task DeleteAsync(string path, CancellationToken cancellationToken) => inner.DeleteAsync(path, cancellationToken);
    public Task MoveAsync(string from, string to, CancellationToken cancellationToken) => inner.MoveAsync(from, to, cancellationToken);
    public Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken) => inner.TryLockAsync(path, cancellationToken);
    public Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken) => inner.ListFoldersAsync(folder, cancellationToken);
    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
}

/// <summary>Counts what is written (and hashes it, if given a hash) and keeps nothing.</summary>
internal sealed class CountingStream(System.Security.Cryptography.IncrementalHash? hash = null) : Stream
{
    private long _length;
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        hash?.AppendData(buffer);
        _length += buffer.Length;
    }
    public override void Flush() { }
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;
    public override long Position { get => _length; set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
