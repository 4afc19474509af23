using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport.Stores;

namespace Wrapped.Pipeline.Tests.Support;

/// <summary>Holds the first write of a file named <paramref name="fileName"/> at a rendezvous with the other parties.</summary>
internal sealed class GatedStore(IFeedStore inner, Rendezvous rendezvous, int party, string fileName) : ForwardingFeedStore(inner)
{
    private int _gated;

    public override async Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        if (Path.GetFileName(path) == fileName && Interlocked.Exchange(ref _gated, 1) == 0) await rendezvous.ArriveAsync(party);
        return await base.WriteAsync(path, write, cancellationToken);
    }
}
