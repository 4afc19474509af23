namespace Wrapped.Pipeline.Storage;

/// <summary>
/// A reusable buffer that holds one whole file of a store at a time: reading a run's thousands of event files into
/// fresh arrays would put each on the large object heap and cost a full collection every few files.
/// </summary>
internal sealed class FileBuffer
{
    private byte[] _bytes = new byte[1 << 20];

    /// <summary>Reads the whole of <paramref name="path"/>; the memory is valid until the next read into this buffer.</summary>
    public async Task<ReadOnlyMemory<byte>> ReadAsync(IFeedStore store, string path, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        if (stream.CanSeek && stream.Length > _bytes.Length) _bytes = new byte[stream.Length];
        var length = 0;
        while (true)
        {
            if (length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
            var read = await stream.ReadAsync(_bytes.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0) return _bytes.AsMemory(0, length);
            length += read;
        }
    }
}
