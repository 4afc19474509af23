using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

/// <summary>Writes sample files with our container writer, in memory.</summary>
internal static class AvroTestFiles
{
    public const long Seed = 20251125;

    public static byte[] Write<T>(FeedSchema schema, IEnumerable<T> items, Action<AvroRecordBuffer, T> encode, AvroCodecOptions? codec = null, string path = "test/part-00000.avro", long seed = Seed, int blockTargetBytes = AvroContainerWriter.DefaultBlockTargetBytes)
    {
        using var output = new MemoryStream();
        using (var writer = new AvroContainerWriter(output, schema, codec ?? AvroCodecOptions.Default, SyncMarker.Derive(seed, path), blockTargetBytes))
        {
            foreach (T item in items)
            {
                encode(writer.Record, item);
                writer.EndRecord();
            }
        }
        return output.ToArray();
    }

    public static byte[] Tracks(IEnumerable<CatalogTrack> tracks, AvroCodecOptions? codec = null) =>
        Write(FeedSchemas.Track, tracks, TrackRecordCodec.Write, codec, "catalog/tracks.avro");

    public static byte[] Events(IEnumerable<(ListeningEvent Event, string TrackId)> events, AvroCodecOptions? codec = null, string path = "events/date=2025-03-09/part-00000.avro", int blockTargetBytes = AvroContainerWriter.DefaultBlockTargetBytes)
    {
        var encodedIds = new Dictionary<string, byte[]>();
        return Write(FeedSchemas.Event, events, (buffer, item) =>
        {
            if (!encodedIds.TryGetValue(item.TrackId, out byte[]? id))
            {
                id = EventRecordCodec.EncodeAvroString(item.TrackId);
                encodedIds.Add(item.TrackId, id);
            }
            EventRecordCodec.Write(buffer, item.Event, id);
        }, codec, path, blockTargetBytes: blockTargetBytes);
    }

    /// <summary>How many times the 16-byte marker occurs: once in the header plus once per block.</summary>
    public static int CountOccurrences(ReadOnlySpan<byte> haystack, ReadOnlySpan<byte> needle)
    {
        int count = 0;
        int index;
        while ((index = haystack.IndexOf(needle)) >= 0)
        {
            count++;
            haystack = haystack[(index + needle.Length)..];
        }
        return count;
    }
}
