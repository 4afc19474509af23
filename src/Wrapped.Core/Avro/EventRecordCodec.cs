using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;
using Avro.Generic;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Avro;

/// <summary>Encodes <see cref="ListeningEvent"/> as the <c>ListeningEvent</c> schema: the hot path of the simulator.</summary>
public static class EventRecordCodec
{
    public static FeedSchema Schema => FeedSchemas.Event;

    /// <summary>
    /// Encodes the track id once as an Avro string (zig-zag byte length, then UTF-8), so the catalog can hand each
    /// event its bytes and the event loop never transcodes a string.
    /// </summary>
    public static byte[] EncodeAvroString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var buffer = new AvroRecordBuffer(Math.Max(16, 10 + Encoding.UTF8.GetMaxByteCount(value.Length)));
        buffer.WriteString(value);
        return buffer.Span.ToArray();
    }

    /// <param name="trackIdAvro">The event's track id already encoded by <see cref="EncodeAvroString"/>.</param>
    public static void Write(AvroRecordBuffer buffer, in ListeningEvent e, ReadOnlySpan<byte> trackIdAvro)
    {
        // Called for every play: one capacity check for the whole record (five longs of at most 10 bytes each
        // and the id), then unchecked writes.
        ref byte start = ref buffer.Reserve(MaxLongsBytes + trackIdAvro.Length);
        int n = AvroRecordBuffer.WriteZigZagUnchecked(ref start, e.Id);
        n += AvroRecordBuffer.WriteZigZagUnchecked(ref Unsafe.Add(ref start, n), e.TimestampMs);
        trackIdAvro.CopyTo(MemoryMarshal.CreateSpan(ref Unsafe.Add(ref start, n), trackIdAvro.Length));
        n += trackIdAvro.Length;
        n += AvroRecordBuffer.WriteZigZagUnchecked(ref Unsafe.Add(ref start, n), e.UserId);
        n += AvroRecordBuffer.WriteZigZagUnchecked(ref Unsafe.Add(ref start, n), e.ListeningTimeMs);
        n += AvroRecordBuffer.WriteZigZagUnchecked(ref Unsafe.Add(ref start, n), e.SessionId);
        buffer.Advance(n);
    }

    private const int MaxLongsBytes = 5 * 10;

    public static IEnumerable<EventRecord> ReadAll(Stream stream) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: false, path: null).Select(Read);

    private static EventRecord Read(GenericRecord r) => new(
        Id: GenericFields.Long(r, "id"),
        TimestampMs: GenericFields.TimestampMillis(r, "timestamp"),
        TrackId: GenericFields.String(r, "track_id"),
        UserId: GenericFields.Long(r, "user_id"),
        ListeningTimeMs: GenericFields.Long(r, "listening_time"),
        SessionId: GenericFields.Long(r, "session_id"));
}
