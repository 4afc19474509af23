using System.Security.Cryptography;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Steps;

/// <summary>Encodes a small Avro container in memory, for files whose checksum must be known before they are committed.</summary>
internal static class AvroBytes
{
    public static byte[] Encode<T>(FeedSchema schema, AvroCodecOptions codec, long seed, string runPath,
        IEnumerable<T> items, Action<AvroRecordBuffer, T> encode, out long records)
    {
        using var buffer = new MemoryStream();
        using (var writer = new AvroContainerWriter(buffer, schema, codec, SyncMarker.Derive(seed, runPath)))
        {
            foreach (var item in items)
            {
                encode(writer.Record, item);
                writer.EndRecord();
            }
            writer.Finish();
            records = writer.RecordCount;
        }
        return buffer.ToArray();
    }

    public static LedgerFile Describe(string runPath, byte[] bytes, long records) =>
        new(runPath, bytes.LongLength, Convert.ToHexStringLower(SHA256.HashData(bytes)), records);
}
