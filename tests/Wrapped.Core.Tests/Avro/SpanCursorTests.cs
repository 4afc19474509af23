using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public sealed class SpanCursorTests
{
    /// <summary>0, ±1 and the values either side of every power of two, down to long.MinValue and up to long.MaxValue.</summary>
    public static IReadOnlyList<long> Values { get; } =
    [
        0, long.MinValue, long.MaxValue,
        .. Enumerable.Range(0, 63).SelectMany(k => new[] { (1L << k) - 1, 1L << k, (1L << k) + 1, -(1L << k), -(1L << k) - 1, -(1L << k) + 1 }),
    ];

    [Fact]
    public void ReadLong_EveryLengthFromOneToTenBytes_ReadsWhatTheWriterWrote()
    {
        // Each value is read twice: with eight or more bytes after it (one word at a time) and as the last bytes of
        // the data (one byte at a time).
        var buffer = new AvroRecordBuffer();
        foreach (var value in Values) buffer.WriteLong(value);
        var data = buffer.Span.ToArray();

        var cursor = new SpanCursor("test");
        var read = Values.Select(_ => cursor.ReadLong(data)).ToList();

        Assert.Equal(Values, read);
        Assert.Equal(data.Length, cursor.Position);
        foreach (var value in Values)
        {
            var alone = new AvroRecordBuffer();
            alone.WriteLong(value);
            var end = new SpanCursor("test");
            Assert.Equal(value, end.ReadLong(alone.Span));
        }
    }

    [Fact]
    public void SkipLong_EveryLength_EndsWhereReadLongEnds()
    {
        var buffer = new AvroRecordBuffer();
        foreach (var value in Values) buffer.WriteLong(value);
        var data = buffer.Span.ToArray();
        var reading = new SpanCursor("test");
        var skipping = new SpanCursor("test");

        foreach (var _ in Values)
        {
            reading.ReadLong(data);
            skipping.SkipLong(data);
            Assert.Equal(reading.Position, skipping.Position);
        }
    }

    [Fact]
    public void ReadLong_ANumberCutShort_IsRefusedNamingTheFile()
    {
        var buffer = new AvroRecordBuffer();
        buffer.WriteLong(long.MaxValue);
        var cut = buffer.Span[..5].ToArray();

        var error = Assert.Throws<InvalidDataException>(() => new SpanCursor("events/x.avro").ReadLong(cut));

        Assert.Contains("events/x.avro", error.Message, StringComparison.Ordinal);
    }
}
