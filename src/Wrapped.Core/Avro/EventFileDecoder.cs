using System.Buffers;
using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text;

namespace Wrapped.Core.Avro;

/// <summary>
/// Reads an events file (<c>ListeningEvent</c> container, <c>null</c> or <c>deflate</c> codec) straight from its
/// bytes: the header is checked, each block's sync marker compared and its data inflated into a reused buffer, and each
/// record's fields handed to a visitor as they are decoded, the track id as the Avro string it is stored as. No object
/// per record, no Apache.Avro on this path: Wrapped reads every event of a run, and a generic record per event cost
/// more than the aggregation itself.
/// </summary>
/// <remarks>
/// Only files written with exactly the feed's <c>ListeningEvent</c> schema are accepted: the decoder knows its
/// field order, so a file of another schema version is refused (<see cref="FeedSchemaMismatchException"/>) rather
/// than misread. Apache.Avro's reader (<see cref="EventRecordCodec.ReadAll"/>) resolves older versions when that is needed.
/// An instance keeps its inflate buffer between files: one per thread.
/// </remarks>
public sealed class EventFileDecoder : IDisposable
{
    private static ReadOnlySpan<byte> Magic => "Obj\u0001"u8;

    private byte[] _inflated = ArrayPool<byte>.Shared.Rent(AvroContainerWriter.DefaultBlockTargetBytes * 2);
    private readonly DecodedEvent[] _batch = new DecodedEvent[BatchSize];

    /// <summary>Decodes every record of <paramref name="file"/> into <paramref name="visitor"/>; returns the record count.</summary>
    /// <param name="path">Names the file in errors.</param>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed events container.</exception>
    /// <exception cref="FeedSchemaMismatchException">The file was written with another schema.</exception>
    public long Decode<TVisitor>(ReadOnlyMemory<byte> file, string path, ref TVisitor visitor)
        where TVisitor : struct, IEventVisitor
    {
        var records = new RecordByRecord<TVisitor> { Visitor = visitor };
        try
        {
            return DecodeBlocks(file, path, ref records);
        }
        finally
        {
            visitor = records.Visitor;
        }
    }

    /// <summary>
    /// <see cref="Decode{TVisitor}"/>, handing the records over a batch at a time (up to <see cref="BatchSize"/>, all
    /// from one block): a visitor that looks something up for each record can ask for all of a batch's lookups before
    /// it needs the first.
    /// </summary>
    public long DecodeBatches<TVisitor>(ReadOnlyMemory<byte> file, string path, ref TVisitor visitor)
        where TVisitor : struct, IEventBatchVisitor
    {
        var batches = new BatchByBatch<TVisitor> { Visitor = visitor, Batch = _batch };
        try
        {
            return DecodeBlocks(file, path, ref batches);
        }
        finally
        {
            visitor = batches.Visitor;
        }
    }

    /// <summary>The most records <see cref="DecodeBatches{TVisitor}"/> hands over at once.</summary>
    public const int BatchSize = 64;

    private long DecodeBlocks<TBlocks>(ReadOnlyMemory<byte> file, string path, ref TBlocks blocks)
        where TBlocks : struct, IBlockVisitor
    {
        ObjectDisposedException.ThrowIf(_inflated.Length == 0, this);
        var bytes = file.Span;
        var cursor = new SpanCursor(path);
        var (deflated, sync) = ReadHeader(bytes, ref cursor);
        long records = 0;
        for (var block = 0; cursor.Position < bytes.Length; block++)
        {
            var count = cursor.ReadLong(bytes);
            var size = cursor.ReadLong(bytes);
            if (count < 0 || size < 0 || size > bytes.Length - cursor.Position - SyncMarker.Size)
                throw new SpanCursor(path, block).Error($"has an impossible record count {count} or size {size}");
            var data = file.Slice(cursor.Position, (int)size);
            cursor.Position += (int)size;
            if (!bytes.Slice(cursor.Position, SyncMarker.Size).SequenceEqual(sync))
                throw new SpanCursor(path, block).Error("ends with a sync marker other than the header's: the file is corrupt");
            cursor.Position += SyncMarker.Size;
            var plain = deflated ? Inflate(data, path, block) : data.Span;
            var blockCursor = new SpanCursor(path, block);
            blocks.Visit(plain, count, ref blockCursor);
            if (blockCursor.Position != plain.Length) throw blockCursor.Error($"has {plain.Length - blockCursor.Position} bytes after its {count} records");
            records += count;
        }
        return records;
    }

    public void Dispose()
    {
        if (_inflated.Length > 0) ArrayPool<byte>.Shared.Return(_inflated);
        _inflated = [];
    }

    /// <summary>Reads the record at the cursor: the fields a listening event's consumers use, in the schema's order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static DecodedEvent ReadRecord(ReadOnlySpan<byte> data, ref SpanCursor cursor)
    {
        DecodedEvent decoded;
        cursor.SkipLong(data); // id
        decoded.TimestampMs = cursor.ReadLong(data);
        decoded.TrackIdStart = cursor.Position;
        decoded.TrackIdLength = cursor.ReadAvroString(data).Length;
        decoded.UserId = cursor.ReadLong(data);
        decoded.ListeningMs = cursor.ReadLong(data);
        cursor.SkipLong(data); // session_id
        return decoded;
    }

    /// <summary>What the block walk hands each block's decoded bytes to; the records must be read to the block's end.</summary>
    private interface IBlockVisitor
    {
        void Visit(ReadOnlySpan<byte> data, long count, ref SpanCursor cursor);
    }

    private struct RecordByRecord<TVisitor> : IBlockVisitor
        where TVisitor : struct, IEventVisitor
    {
        public TVisitor Visitor;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(ReadOnlySpan<byte> data, long count, ref SpanCursor cursor)
        {
            for (long r = 0; r < count; r++)
            {
                var decoded = ReadRecord(data, ref cursor);
                Visitor.Visit(decoded.UserId, decoded.TimestampMs, data.Slice(decoded.TrackIdStart, decoded.TrackIdLength), decoded.ListeningMs);
            }
        }
    }

    private struct BatchByBatch<TVisitor> : IBlockVisitor
        where TVisitor : struct, IEventBatchVisitor
    {
        public TVisitor Visitor;
        public DecodedEvent[] Batch;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(ReadOnlySpan<byte> data, long count, ref SpanCursor cursor)
        {
            var batch = Batch.AsSpan(0, BatchSize);
            while (count > 0)
            {
                var size = (int)Math.Min(count, BatchSize);
                var events = batch[..size];
                for (var i = 0; i < events.Length; i++) events[i] = ReadRecord(data, ref cursor);
                Visitor.Visit(events, data);
                count -= size;
            }
        }
    }

    private ReadOnlySpan<byte> Inflate(ReadOnlyMemory<byte> compressed, string path, int block)
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
                if (length == _inflated.Length) Grow(length);
                var read = deflate.Read(_inflated, length, _inflated.Length - length);
                if (read == 0) break;
                length += read;
            }
            return _inflated.AsSpan(0, length);
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{path}: block {block} is not valid deflate data: {e.Message}", e);
        }
    }

    private void Grow(int length)
    {
        var larger = ArrayPool<byte>.Shared.Rent(length * 2);
        _inflated.AsSpan(0, length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_inflated);
        _inflated = larger;
    }

    private static (bool Deflated, byte[] Sync) ReadHeader(ReadOnlySpan<byte> bytes, ref SpanCursor cursor)
    {
        if (bytes.Length < Magic.Length || !bytes[..Magic.Length].SequenceEqual(Magic))
            throw cursor.Error("is not an Avro object container (it does not start with 'Obj\\x01')");
        cursor.Position = Magic.Length;
        string? schema = null, codec = null;
        for (var count = cursor.ReadLong(bytes); count != 0; count = cursor.ReadLong(bytes))
        {
            if (count < 0)
            {
                count = -count;
                cursor.SkipLong(bytes);
            }
            for (long i = 0; i < count; i++)
            {
                var key = Encoding.UTF8.GetString(cursor.ReadBytes(bytes));
                var value = cursor.ReadBytes(bytes);
                if (key == "avro.schema") schema = Encoding.UTF8.GetString(value);
                else if (key == "avro.codec") codec = Encoding.UTF8.GetString(value);
            }
        }
        if (cursor.Position > bytes.Length - SyncMarker.Size) throw cursor.Error("ends inside its header");
        var sync = bytes.Slice(cursor.Position, SyncMarker.Size).ToArray();
        cursor.Position += SyncMarker.Size;

        var expected = FeedSchemas.Event;
        if (schema is null) throw cursor.Error("has no avro.schema in its header");
        // Our writer stores exactly the minified .avsc: compare the text first, the canonical form only when it differs.
        if (schema != expected.Json)
        {
            var actual = FeedSchema.FromJson(schema).Fingerprint;
            if (actual != expected.Fingerprint) throw new FeedSchemaMismatchException(cursor.Path, expected.Fingerprint, actual);
        }
        return codec switch
        {
            null or "null" => (false, sync),
            "deflate" => (true, sync),
            _ => throw cursor.Error($"uses the Avro codec '{codec}'; events files are written with null or deflate"),
        };
    }
}

/// <summary>Receives each event of a file as it is decoded.</summary>
public interface IEventVisitor
{
    /// <param name="trackIdAvro">The track id as stored: an Avro string (zig-zag byte length, then UTF-8).</param>
    void Visit(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs);
}

/// <summary>Receives an events file's records a batch at a time (see <see cref="EventFileDecoder.DecodeBatches{TVisitor}"/>).</summary>
public interface IEventBatchVisitor
{
    /// <param name="events">The batch's records, in file order.</param>
    /// <param name="block">
    /// The decoded bytes of the block they come from: a record's track id is <c>block.Slice(TrackIdStart, TrackIdLength)</c>,
    /// an Avro string (zig-zag byte length, then UTF-8). Valid only during the call.
    /// </param>
    void Visit(ReadOnlySpan<DecodedEvent> events, ReadOnlySpan<byte> block);
}

/// <summary>An event's fields as Wrapped reads them, its track id located in its block's bytes.</summary>
public struct DecodedEvent
{
    public long UserId;
    public long TimestampMs;
    public long ListeningMs;
    public int TrackIdStart;
    public int TrackIdLength;
}
