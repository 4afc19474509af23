using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>The cache is process-wide: other tests' catalogs must not come and go while these run.</summary>
[CollectionDefinition(nameof(CatalogCacheTests), DisableParallelization = true)]
public sealed class CatalogCacheCollection;

[Collection(nameof(CatalogCacheTests))]
public sealed class CatalogCacheTests
{
    [Fact]
    public async Task GetAsync_SameBytesUnderAnotherPath_DecodesOnce()
    {
        using var folder = new TempFolder("catalog-cache");
        var prepared = new LocalFeedStore(Path.Combine(folder.Path, "prepared"));
        var run = new LocalFeedStore(Path.Combine(folder.Path, "out"));
        var runLayout = new FeedLayout("cache-run");
        var bytes = await WriteCatalogAsync(prepared, FeedLayout.AtStoreRoot(), SyntheticCatalog.Tracks(50, 10, seed: 1));
        await run.WriteAsync(runLayout.CatalogTracks, (s, ct) => s.WriteAsync(bytes, ct).AsTask(), CancellationToken.None);

        var fromPrepared = await CatalogCache.GetAsync(prepared, FeedLayout.AtStoreRoot(), CancellationToken.None);
        var fromRun = await CatalogCache.GetAsync(run, runLayout, CancellationToken.None);

        Assert.Same(fromPrepared, fromRun);
    }

    [Fact]
    public async Task GetAsync_FileRewrittenAndPathsForgotten_LoadsTheNewCatalog()
    {
        using var folder = new TempFolder("catalog-cache-rewrite");
        var store = new LocalFeedStore(folder.Path);
        var layout = FeedLayout.AtStoreRoot();
        await WriteCatalogAsync(store, layout, SyntheticCatalog.Tracks(50, 10, seed: 2));
        var first = await CatalogCache.GetAsync(store, layout, CancellationToken.None);

        await WriteCatalogAsync(store, layout, SyntheticCatalog.Tracks(70, 10, seed: 3));
        CatalogCache.Clear();
        var second = await CatalogCache.GetAsync(store, layout, CancellationToken.None);

        Assert.Equal(50, first.TrackCount);
        Assert.Equal(70, second.TrackCount);
    }

    private static async Task<byte[]> WriteCatalogAsync(IFeedStore store, FeedLayout layout, IReadOnlyList<CatalogTrack> tracks)
    {
        await store.WriteAvroAsync(layout, layout.CatalogTracks, FeedSchemas.Track, AvroCodecOptions.Default, 1, tracks, TrackRecordCodec.Write, CancellationToken.None);
        await using var stream = await store.OpenReadAsync(layout.CatalogTracks, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }
}
