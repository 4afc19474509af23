using System.Text.Json;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Pipeline.Storage;

public static class FeedStoreExtensions
{
    public static Task<StoredFile> WriteJsonAsync<T>(this IFeedStore store, string path, T value, CancellationToken cancellationToken)
    {
        var bytes = FeedJson.Serialize(value);
        return store.WriteAsync(path, (stream, ct) => stream.WriteAsync(bytes, ct).AsTask(), cancellationToken);
    }

    /// <exception cref="FeedInputException">The file is not the JSON it should be (truncated, hand-edited, another format).</exception>
    public static async Task<T> ReadJsonAsync<T>(this IFeedStore store, string path, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        try
        {
            return await FeedJson.DeserializeAsync<T>(stream, path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException)
        {
            // Retrying cannot mend a damaged file: name it, so that a person can.
            throw new FeedInputException($"{Where(store, path)} is damaged: {Describe(e)}.", e);
        }
    }

    /// <summary>A file of a store as a person would find it: a path in a folder, or a blob in a container.</summary>
    public static string Where(IFeedStore store, string path) => $"{store.Description.TrimEnd('/')}/{path}";

    private static string Describe(Exception e) => e switch
    {
        JsonException { LineNumber: { } line } json => $"not valid JSON at line {line + 1}, byte {json.BytePositionInLine + 1}",
        JsonException => "not valid JSON",
        _ => e.Message.TrimEnd('.'),
    };

    public static async Task<T?> TryReadJsonAsync<T>(this IFeedStore store, string path, CancellationToken cancellationToken) where T : class =>
        await store.ExistsAsync(path, cancellationToken).ConfigureAwait(false)
            ? await store.ReadJsonAsync<T>(path, cancellationToken).ConfigureAwait(false)
            : null;

    /// <summary>
    /// Writes one Avro container of <paramref name="items"/>. The sync marker comes from the seed and the file's path
    /// inside its run, so the same run writes the same bytes wherever it is stored.
    /// </summary>
    public static async Task<LedgerFile> WriteAvroAsync<T>(
        this IFeedStore store, FeedLayout layout, string path, FeedSchema schema, AvroCodecOptions codec, long seed,
        IEnumerable<T> items, Action<AvroRecordBuffer, T> encode, CancellationToken cancellationToken)
    {
        long records = 0;
        var runPath = layout.RelativeToRun(path);
        var stored = await store.WriteAsync(path, (stream, ct) =>
        {
            using var writer = new AvroContainerWriter(stream, schema, codec, SyncMarker.Derive(seed, runPath));
            foreach (var item in items)
            {
                ct.ThrowIfCancellationRequested();
                encode(writer.Record, item);
                writer.EndRecord();
            }
            writer.Finish();
            records = writer.RecordCount;
            return Task.CompletedTask;
        }, cancellationToken).ConfigureAwait(false);
        return new LedgerFile(runPath, stored.Bytes, stored.Sha256, records);
    }

    public static async Task<List<T>> ReadAvroAsync<T>(this IFeedStore store, string path, Func<Stream, IEnumerable<T>> readAll, CancellationToken cancellationToken)
    {
        await using var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
        // Apache.Avro's reader wants a seekable stream; blob streams may not be.
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return readAll(buffer).ToList();
    }
}
