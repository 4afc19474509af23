using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public sealed class EventTimesReaderTests
{
    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void Read_ManyBlocks_GivesWhatApacheAvroReads(string codec)
    {
        var random = new Random(5);
        // Enough events for several blocks; track ids of varying length, large and negative numbers.
        var written = Enumerable.Range(0, 20_000).Select(i => new EventRecord(
            Id: random.NextInt64(), TimestampMs: random.NextInt64(-1L << 40, 1L << 42), TrackId: new string('t', random.Next(0, 40)),
            UserId: random.NextInt64(0, 1L << 35), ListeningTimeMs: random.Next(0, 900_000), SessionId: -i)).ToList();
        var file = new MemoryStream(global::Wrapped.TestSupport.EventFiles.Write(written, codec, 1, "events/x.avro"));
        var expected = EventRecordCodec.ReadAll(new MemoryStream(file.ToArray())).Select(e => (e.UserId, e.TimestampMs, e.ListeningTimeMs)).ToList();

        var read = new List<(long, long, long)>();
        var summary = EventTimesReader.Read(new MemoryStream(file.ToArray()), (user, timestamp, listening) => read.Add((user, timestamp, listening)));

        Assert.Equal(written.Select(e => (e.UserId, e.TimestampMs, e.ListeningTimeMs)), expected);
        Assert.Equal(expected, read);
        Assert.Equal(written.Count, summary.Records);
        Assert.True(summary.Blocks > 1, $"{summary.Blocks} block(s): the test wants several");
    }

    [Fact]
    public void Read_RecordsOfAnotherSchema_IsInvalidData()
    {
        var file = new MemoryStream();
        AvroContainer.WriteAll(file, FeedSchemas.Event, AvroCodecOptions.Parse("null"), SyncMarker.Derive(1, "x"), [1L, 2L, 3L], (buffer, n) => buffer.WriteLong(n));

        Assert.Throws<InvalidDataException>(() => EventTimesReader.Read(new MemoryStream(file.ToArray()), (_, _, _) => { }));
    }
}
