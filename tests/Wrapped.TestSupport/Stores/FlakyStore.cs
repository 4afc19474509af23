using Wrapped.Pipeline.Storage;

namespace Wrapped.TestSupport.Stores;

/// <summary>
/// A store whose first write of each chosen file fails, as a storage service's transient fault would: after half the
/// bytes have gone out. Later writes of the file succeed. Files are named by the end of their path (e.g.
/// <c>_manifest.json</c>, <c>events/date=2024-03-05/part-00001.avro</c>), so a test can name them before it knows the run id.
/// </summary>
public sealed class FlakyStore(IFeedStore inner, params string[] failOnce) : ForwardingFeedStore(inner)
{
    private readonly List<string> _pending = [.. failOnce];
    private readonly List<string> _log = [];

    /// <summary>Every write, in order, with whether it was failed on purpose.</summary>
    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log) return [.. _log];
        }
    }

    public int Failures => Log.Count(l => l.StartsWith("failed ", StringComparison.Ordinal));

    public override Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        bool fail;
        lock (_log)
        {
            var match = _pending.FirstOrDefault(end => path == end || path.EndsWith("/" + end, StringComparison.Ordinal));
            fail = match is not null && _pending.Remove(match);
            _log.Add(fail ? $"failed {path}" : $"wrote {path}");
        }
        return fail ? base.WriteAsync(path, (stream, ct) => HalfThenFailAsync(stream, write, ct), cancellationToken) : base.WriteAsync(path, write, cancellationToken);
    }

    private static async Task HalfThenFailAsync(Stream stream, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        using var whole = new MemoryStream();
        await write(whole, cancellationToken);
        await stream.WriteAsync(whole.GetBuffer().AsMemory(0, (int)(whole.Length / 2)), cancellationToken);
        throw new IOException("Injected transient storage fault: the connection was reset.");
    }
}
