using System.IO.Compression;

namespace Wrapped.Core.Avro;

/// <summary>
/// Reads each play's user, end timestamp and listening time from a <c>ListeningEvent</c> container, without Apache.Avro
/// and without allocating per record: a block is inflated once and its records walked field by field. Fast enough for
/// <c>validate</c> to look at every event of a year of a large run.
/// </summary>
public static class EventTimesReader
{
    /// <summary>One play: its listener, the UTC moment it ended and how long it was listened to (ms).</summary>
    public delegate void EventVisitor(long userId, long timestampMs, long listeningTimeMs);

    /// <summary>Visits every event of the container in <paramref name="stream"/>, in file order.</summary>
    /// <returns>The container's summary, as <see cref="AvroContainerScanner.Scan"/> gives it.</returns>
    /// <exception cref="InvalidDataException">Not a well-formed container of <c>ListeningEvent</c> records with the codec <c>deflate</c> or <c>null</c>.</exception>
    public static AvroContainerScanner.Summary Read(Stream stream, EventVisitor visit)
    {
        ArgumentNullException.ThrowIfNull(visit);
        var plain = new byte[256 * 1024];
        return AvroContainerScanner.Scan(stream, (metadata, data, length, records) =>
        {
            var codec = metadata.GetValueOrDefault("avro.codec", "null");
            var size = codec switch
            {
                "null" => CopyPlain(data, length, ref plain),
                "deflate" => Inflate(data, length, ref plain),
                _ => throw new InvalidDataException($"Events compressed with the codec '{codec}' cannot be read here (deflate or null only)."),
            };
            Walk(plain.AsSpan(0, size), records, visit);
        });
    }

    private static void Walk(ReadOnlySpan<byte> block, long records, EventVisitor visit)
    {
        var at = 0;
        for (long i = 0; i < records; i++)
        {
            ReadLong(block, ref at); // id
            var timestamp = ReadLong(block, ref at);
            var trackIdLength = ReadLong(block, ref at);
            if (trackIdLength < 0 || trackIdLength > block.Length - at) throw new InvalidDataException("A track id runs past the end of its block: the records are not ListeningEvent records.");
            at += (int)trackIdLength;
            var user = ReadLong(block, ref at);
            var listening = ReadLong(block, ref at);
            ReadLong(block, ref at); // session_id
            visit(user, timestamp, listening);
        }
        if (at != block.Length) throw new InvalidDataException($"A block holds {block.Length - at} bytes after its {records} records: the records are not ListeningEvent records.");
    }

    private static long ReadLong(ReadOnlySpan<byte> block, ref int at)
    {
        ulong raw = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (at >= block.Length) throw new InvalidDataException("A block ends inside a record.");
            var b = block[at++];
            raw |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return (long)(raw >> 1) ^ -(long)(raw & 1);
        }
        throw new InvalidDataException("A number is longer than 10 bytes.");
    }

    private static int CopyPlain(byte[] data, int length, ref byte[] plain)
    {
        if (plain.Length < length) plain = new byte[length];
        data.AsSpan(0, length).CopyTo(plain);
        return length;
    }

    private static int Inflate(byte[] data, int length, ref byte[] plain)
    {
        using var inflater = new DeflateStream(new MemoryStream(data, 0, length, writable: false), CompressionMode.Decompress);
        var size = 0;
        while (true)
        {
            if (size == plain.Length) Array.Resize(ref plain, plain.Length * 2);
            var read = inflater.Read(plain, size, plain.Length - size);
            if (read == 0) return size;
            size += read;
        }
    }
}
