using System.Buffers;
using System.IO.Compression;
using System.Text;

namespace Wrapped.Core.Avro;

/// <summary>
/// The walk over an Avro object container held in memory that the project's own decoders share: the header read and
/// its schema checked, then each block's sync marker compared and its data inflated into a reused buffer, and handed
/// to a block visitor that reads its records. Only the <c>null</c> and <c>deflate</c> codecs, the two the feed writes.
/// </summary>
internal static class AvroContainerBlocks
{
    private static ReadOnlySpan<byte> Magic => "Obj\u0001"u8;

    /// <summary>A container's header: the writer schema's JSON, whether blocks are deflated, and the sync marker.</summary>
    public readonly record struct Header(string? SchemaJson, bool Deflated, byte[] Sync, int DataStart);

    /// <summary>What the walk hands each block's decoded bytes to; the records must be read to the block's end.</summary>
    public interface IBlockVisitor
    {
        void Visit(ReadOnlySpan<byte> data, long count, ref SpanCursor cursor);
    }

    /// <summary>Reads the header of <paramref name="bytes"/>, without judging its schema.</summary>
    /// <exception cref="InvalidDataException">Not an Avro container, or one of a codec other than null and deflate.</exception>
    public static Header ReadHeader(ReadOnlySpan<byte> bytes, string path)
    {
        var cursor = new SpanCursor(path);
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
            throw cursor.Error("is not an Avro object container (it does not start with 'Obj\\x01')");
        cursor.Position = Magic.Length;
        string? schema = null, codec = null;
        for (var count = cursor.ReadBlockCount(bytes); count != 0; count = cursor.ReadBlockCount(bytes))
        {
            for (long i = 0; i < count; i++)
            {
                var key = cursor.ReadString(bytes);
                var value = cursor.ReadBytes(bytes);
                if (key == "avro.schema") schema = Encoding.UTF8.GetString(value);
                else if (key == "avro.codec") codec = Encoding.UTF8.GetString(value);
            }
        }
        if (cursor.Position > bytes.Length - SyncMarker.Size) throw cursor.Error("ends inside its header");
        var sync = bytes.Slice(cursor.Position, SyncMarker.Size).ToArray();
        cursor.Position += SyncMarker.Size;
        var deflated = codec switch
        {
            null or "null" => false,
            "deflate" => true,
            _ => throw cursor.Error($"uses the Avro codec '{codec}'; the feed's files are written with null or deflate"),
        };
        return new Header(schema, deflated, sync, cursor.Position);
    }

    /// <summary>Whether the header's writer schema is <paramref name="expected"/>: its exact text, or the same canonical form.</summary>
    /// <exception cref="InvalidDataException">The header has no schema.</exception>
    public static bool IsWrittenWith(Header header, FeedSchema expected, string path)
    {
        if (header.SchemaJson is null) throw new SpanCursor(path).Error("has no avro.schema in its header");
        // Our writer stores exactly the minified .avsc: compare the text first, the canonical form only when it differs.
        return header.SchemaJson == expected.Json || FeedSchema.FromJson(header.SchemaJson).Fingerprint == expected.Fingerprint;
    }

    /// <summary>Hands every block after the header to <paramref name="blocks"/>; returns the record count.</summary>
    /// <param name="inflated">The buffer blocks are inflated into, grown (from the shared array pool) when a block needs more.</param>
    public static long Walk<TBlocks>(ReadOnlyMemory<byte> file, string path, Header header, ref byte[] inflated, ref TBlocks blocks)
        where TBlocks : struct, IBlockVisitor
    {
        var bytes = file.Span;
        var cursor = new SpanCursor(path) { Position = header.DataStart };
        long records = 0;
        for (var block = 0; cursor.Position < bytes.Length; block++)
        {
            var count = cursor.ReadLong(bytes);
            var size = cursor.ReadLong(bytes);
            if (count < 0 || size < 0 || size > bytes.Length - cursor.Position - SyncMarker.Size)
                throw new SpanCursor(path, block).Error($"has an impossible record count {count} or size {size}");
            var data = file.Slice(cursor.Position, (int)size);
            cursor.Position += (int)size;
            if (!bytes.Slice(cursor.Position, SyncMarker.Size).SequenceEqual(header.Sync))
                throw new SpanCursor(path, block).Error("ends with a sync marker other than the header's: the file is corrupt");
            cursor.Position += SyncMarker.Size;
            var plain = header.Deflated ? Inflate(data, path, block, ref inflated) : data.Span;
            var blockCursor = new SpanCursor(path, block);
            blocks.Visit(plain, count, ref blockCursor);
            if (blockCursor.Position != plain.Length) throw blockCursor.Error($"has {plain.Length - blockCursor.Position} bytes after its {count} records");
            records += count;
        }
        return records;
    }

    private static ReadOnlySpan<byte> Inflate(ReadOnlyMemory<byte> compressed, string path, int block, ref byte[] inflated)
    {
        var source = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(compressed, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(compressed.ToArray(), writable: false);
        try
        {
            using var deflate = new DeflateStream(source, CompressionMode.Decompress);
            var length = 0;
            while (true)
            {
                if (length == inflated.Length) Grow(ref inflated, length);
                var read = deflate.Read(inflated, length, inflated.Length - length);
                if (read == 0) break;
                length += read;
            }
            return inflated.AsSpan(0, length);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: block {block} is not valid deflate data: {e.Message}", e);
        }
    }

    private static void Grow(ref byte[] inflated, int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(Math.Max(length * 2, 1 << 16));
        inflated.AsSpan(0, length).CopyTo(larger);
        if (inflated.Length > 0) ArrayPool<byte>.Shared.Return(inflated);
        inflated = larger;
    }
}
