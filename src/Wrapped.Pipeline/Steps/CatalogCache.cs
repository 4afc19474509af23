using System.Collections.Concurrent;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Loads a run's catalog once per process: every part a worker simulates shares the same read-only arrays.
/// Keyed by the store and the catalog file's checksum-free path, which never changes within a run.
/// </summary>
public static class CatalogCache
{
    private static readonly ConcurrentDictionary<(string Store, string Path), Lazy<Task<SimulationCatalog>>> Loaded = new();

    public static Task<SimulationCatalog> GetAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        var key = (store.Description, layout.CatalogTracks);
        var lazy = Loaded.GetOrAdd(key, _ => new Lazy<Task<SimulationCatalog>>(() => LoadAsync(store, layout)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets every loaded catalog (a rerun after <c>prepare</c> rewrote one in the same place).</summary>
    public static void Clear() => Loaded.Clear();

    private static async Task<SimulationCatalog> LoadAsync(IFeedStore store, FeedLayout layout)
    {
        if (!await store.ExistsAsync(layout.CatalogTracks, CancellationToken.None).ConfigureAwait(false))
            throw new FeedInputException($"No catalog at {layout.CatalogTracks} in {store.Description}: run prepare first.");
        var tracks = await store.ReadAvroAsync(layout.CatalogTracks, stream => TrackRecordCodec.ReadAll(stream, layout.CatalogTracks), CancellationToken.None).ConfigureAwait(false);
        if (tracks.Count == 0)
            throw new FeedInputException($"The catalog at {layout.CatalogTracks} holds no track: nothing can be simulated.");
        return SimulationCatalog.Create(tracks);
    }
}
