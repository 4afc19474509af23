using global::Avro.File;
using global::Avro.Generic;
using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

public class EventRecordCodecTests
{
    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void ReadAll_ManyBlocks_ReturnsEveryEventInOrder(string codec)
    {
        var events = AvroSamples.Events(50_000);
        byte[] file = AvroTestFiles.Events(events, AvroCodecOptions.Parse(codec), blockTargetBytes: 64 * 1024);
        byte[] sync = SyncMarker.Derive(AvroTestFiles.Seed, "events/date=2025-03-09/part-00000.avro");
        Assert.True(AvroTestFiles.CountOccurrences(file, sync) > 5, "the sample should span several blocks");

        EventRecord[] read = EventRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(events.Select(Expected), read);
    }

    [Fact]
    public void Write_Timestamp_IsTimestampMillisForApacheReader()
    {
        var e = new ListeningEvent(Id: -1, TimestampMs: 1_741_478_400_123, TrackIndex: 0, UserId: long.MaxValue, ListeningTimeMs: 0, SessionId: long.MinValue);
        byte[] file = AvroTestFiles.Events([(e, "0🎧é")]);

        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file));
        GenericRecord record = reader.Next();

        Assert.Equal(new DateTime(2025, 3, 9, 0, 0, 0, 123, DateTimeKind.Utc), record["timestamp"]);
        Assert.Equal(-1L, record["id"]);
        Assert.Equal("0🎧é", record["track_id"]);
        Assert.Equal(long.MaxValue, record["user_id"]);
        Assert.Equal(long.MinValue, record["session_id"]);
    }

    [Theory]
    [InlineData("", new byte[] { 0 })]
    [InlineData("a", new byte[] { 2, (byte)'a' })]
    [InlineData("é", new byte[] { 4, 0xC3, 0xA9 })]
    public void EncodeAvroString_Value_IsZigZagLengthThenUtf8(string value, byte[] expected)
    {
        Assert.Equal(expected, EventRecordCodec.EncodeAvroString(value));
    }

    [Fact]
    public void Write_Event_EncodesFieldsInSchemaOrder()
    {
        var buffer = new AvroRecordBuffer();
        var e = new ListeningEvent(Id: 1, TimestampMs: -1, TrackIndex: 99, UserId: 64, ListeningTimeMs: 2, SessionId: -64);

        EventRecordCodec.Write(buffer, e, EventRecordCodec.EncodeAvroString("ab"));

        Assert.Equal(new byte[] { 2, 1, 4, (byte)'a', (byte)'b', 0x80, 0x01, 4, 0x7F }, buffer.Span.ToArray());
    }

    private static EventRecord Expected((ListeningEvent Event, string TrackId) item) =>
        new(item.Event.Id, item.Event.TimestampMs, item.TrackId, item.Event.UserId, item.Event.ListeningTimeMs, item.Event.SessionId);
}
