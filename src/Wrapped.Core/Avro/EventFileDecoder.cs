using System.Buffers;
using System.Runtime.CompilerServices;

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
        where TBlocks : struct, AvroContainerBlocks.IBlockVisitor
    {
        ObjectDisposedException.ThrowIf(_inflated.Length == 0, this);
        var header = AvroContainerBlocks.ReadHeader(file.Span, path);
        if (!AvroContainerBlocks.IsWrittenWith(header, FeedSchemas.Event, path))
        {
            throw new FeedSchemaMismatchException(path, FeedSchemas.Event.Fingerprint, FeedSchema.FromJson(header.SchemaJson!).Fingerprint);
        }
        return AvroContainerBlocks.Walk(file, path, header, ref _inflated, ref blocks);
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

    private struct RecordByRecord<TVisitor> : AvroContainerBlocks.IBlockVisitor
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

    private struct BatchByBatch<TVisitor> : AvroContainerBlocks.IBlockVisitor
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
