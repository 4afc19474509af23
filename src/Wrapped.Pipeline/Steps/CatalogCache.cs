using System.Collections.Concurrent;
using System.Security.Cryptography;
using Avro;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Wrapped;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Loads a run's catalog once per process: every part a worker simulates shares the same read-only arrays.
/// Keyed by the store and the catalog file's path, which never changes within a run, and below that by the
/// file's SHA-256: a catalog copied into a run is the prepared one byte for byte, and is not decoded twice.
/// </summary>
public static class CatalogCache
{
    // A worker that serves many datasets would otherwise keep every catalog it ever decoded.
    private const int MaxCatalogsByContent = 4;

    private static readonly ConcurrentDictionary<(string Store, string Path), Lazy<Task<LoadedCatalog>>> Loaded = new();
    private static readonly ConcurrentDictionary<string, Lazy<LoadedCatalog>> ByContent = new(StringComparer.Ordinal);

    public static async Task<SimulationCatalog> GetAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken) =>
        (await LoadedAsync(store, layout, cancellationToken).ConfigureAwait(false)).Simulation;

    /// <summary>The same catalog as Wrapped reads it (names, genres, popularity tables), built on first use.</summary>
    public static async Task<WrappedCatalog> GetWrappedAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken) =>
        (await LoadedAsync(store, layout, cancellationToken).ConfigureAwait(false)).Wrapped.Value;

    private static Task<LoadedCatalog> LoadedAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        var key = (store.Description, layout.CatalogTracks);
        var lazy = Loaded.GetOrAdd(key, _ => new Lazy<Task<LoadedCatalog>>(() => LoadAsync(store, layout)));
        return lazy.Value.WaitAsync(cancellationToken);
    }

    /// <summary>Forgets which catalog each path holds (a rerun after <c>prepare</c> rewrote one in the same place).</summary>
    public static void Clear() => Loaded.Clear();

    private static async Task<LoadedCatalog> LoadAsync(IFeedStore store, FeedLayout layout)
    {
        if (!await store.ExistsAsync(layout.CatalogTracks, CancellationToken.None).ConfigureAwait(false))
            throw new FeedInputException($"No catalog at {layout.CatalogTracks} in {store.Description}: run prepare first.");
        byte[] bytes;
        await using (var stream = await store.OpenReadAsync(layout.CatalogTracks, CancellationToken.None).ConfigureAwait(false))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer).ConfigureAwait(false);
            bytes = buffer.ToArray();
        }
        var content = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (!ByContent.ContainsKey(content) && ByContent.Count >= MaxCatalogsByContent)
        {
            ByContent.Clear();
        }
        var where = FeedStoreExtensions.Where(store, layout.CatalogTracks);
        return ByContent.GetOrAdd(content, _ => new Lazy<LoadedCatalog>(() => LoadedCatalog.Decode(bytes, layout.CatalogTracks, where))).Value;
    }

    /// <summary>
    /// A decoded catalog. The Wrapped view needs the rows' names and genres, which the simulator does not keep: they
    /// are decoded again from the file's bytes the first time a Wrapped step asks.
    /// </summary>
    private sealed class LoadedCatalog
    {
        private LoadedCatalog(SimulationCatalog simulation, byte[] bytes, string path, string where)
        {
            Simulation = simulation;
            Wrapped = new Lazy<WrappedCatalog>(() => WrappedCatalog.Create(simulation, Rows(bytes, path, where)));
        }

        public SimulationCatalog Simulation { get; }

        public Lazy<WrappedCatalog> Wrapped { get; }

        public static LoadedCatalog Decode(byte[] bytes, string path, string where) =>
            new(SimulationCatalog.Create(Rows(bytes, path, where)), bytes, path, where);

        private static List<Core.Catalog.CatalogTrack> Rows(byte[] bytes, string path, string where)
        {
            List<Core.Catalog.CatalogTrack> tracks;
            try
            {
                tracks = TrackRecordCodec.ReadAll(new MemoryStream(bytes, writable: false), path).ToList();
            }
            catch (Exception e) when (e is AvroException or InvalidDataException or EndOfStreamException or InvalidCastException)
            {
                // Truncated or overwritten: Apache.Avro's own message says little and names no file.
                var how = e.ToString().Contains("End of stream", StringComparison.Ordinal) ? "it ends too early, as a file cut short does" : "its bytes are not an Avro container";
                throw new FeedInputException($"{where} is damaged: {how}; prepare the catalog again.", e);
            }
            if (tracks.Count == 0)
                throw new FeedInputException($"The catalog at {where} holds no track: nothing can be simulated.");
            return tracks;
        }
    }
}
