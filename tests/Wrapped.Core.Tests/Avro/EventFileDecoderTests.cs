using System.Text;
using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

public sealed class EventFileDecoderTests
{
    [Theory]
    [InlineData("deflate", AvroContainerWriter.DefaultBlockTargetBytes)]
    [InlineData("null", AvroContainerWriter.DefaultBlockTargetBytes)]
    [InlineData("deflate", 100)]
    public void Decode_FileWrittenByOurWriter_GivesWhatApacheAvroReads(string codec, int blockTargetBytes)
    {
        var (file, expected) = EventsFile(codec, blockTargetBytes);
        var visitor = new CollectingVisitor();
        using var decoder = new EventFileDecoder();

        var records = decoder.Decode(file, "events/x.avro", ref visitor);

        Assert.Equal(3_000, records);
        Assert.Equal(expected, visitor.Plays);
    }

    [Theory]
    [InlineData("deflate", AvroContainerWriter.DefaultBlockTargetBytes)]
    [InlineData("null", 100)]
    [InlineData("deflate", 4_000)]
    public void DecodeBatches_FileWrittenByOurWriter_GivesWhatApacheAvroReadsInBatchesOfOneBlock(string codec, int blockTargetBytes)
    {
        var (file, expected) = EventsFile(codec, blockTargetBytes);
        var visitor = new CollectingBatchVisitor();
        using var decoder = new EventFileDecoder();

        var records = decoder.DecodeBatches(file, "events/x.avro", ref visitor);

        Assert.Equal(3_000, records);
        Assert.Equal(expected, visitor.Plays);
        Assert.All(visitor.BatchSizes, size => Assert.InRange(size, 1, EventFileDecoder.BatchSize));
        // A batch is cut at its block's end: small blocks make batches smaller than the largest.
        if (blockTargetBytes < 10_000) Assert.Contains(visitor.BatchSizes, size => size < EventFileDecoder.BatchSize);
    }

    [Fact]
    public void Decode_ABlockWithAnotherSyncMarker_NamesTheFileAndTheBlock()
    {
        var file = AvroTestFiles.Events(AvroSamples.Events(2_000), blockTargetBytes: 4_096);
        // The last 16 bytes are the last block's sync marker.
        file[^1] ^= 0xFF;
        var visitor = new CollectingVisitor();
        using var decoder = new EventFileDecoder();

        var error = Assert.Throws<InvalidDataException>(() => decoder.Decode(file, "events/date=2025-03-09/part-00003.avro", ref visitor));

        Assert.StartsWith("events/date=2025-03-09/part-00003.avro: block ", error.Message, StringComparison.Ordinal);
        Assert.Contains("sync marker", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decode_TruncatedFile_IsRefusedAsCorrupt()
    {
        var file = AvroTestFiles.Events(AvroSamples.Events(500));
        var visitor = new CollectingVisitor();
        using var decoder = new EventFileDecoder();

        Assert.Throws<InvalidDataException>(() => decoder.Decode(file.AsMemory(0, file.Length - 40), "x.avro", ref visitor));
    }

    [Fact]
    public void Decode_AFileOfAnotherSchema_IsRefusedWithBothFingerprints()
    {
        var users = AvroTestFiles.Write(FeedSchemas.User, AvroSamples.Users, UserRecordCodec.Write);
        var visitor = new CollectingVisitor();
        using var decoder = new EventFileDecoder();

        var error = Assert.Throws<FeedSchemaMismatchException>(() => decoder.Decode(users, "users/part-00000.avro", ref visitor));

        Assert.Equal(FeedSchemas.Event.Fingerprint, error.ExpectedFingerprint);
        Assert.Equal(FeedSchemas.User.Fingerprint, error.ActualFingerprint);
    }

    [Fact]
    public void Decode_NotAnAvroFile_SaysSo()
    {
        var visitor = new CollectingVisitor();
        using var decoder = new EventFileDecoder();

        var error = Assert.Throws<InvalidDataException>(() => decoder.Decode(Encoding.UTF8.GetBytes("id,name\n1,a\n"), "x.avro", ref visitor));

        Assert.Contains("not an Avro object container", error.Message, StringComparison.Ordinal);
    }

    /// <summary>3,000 sample events written by our writer, and what Apache.Avro reads back of the fields Wrapped uses.</summary>
    private static (byte[] File, List<(long, long, string, long)> Expected) EventsFile(string codec, int blockTargetBytes)
    {
        var file = AvroTestFiles.Events(AvroSamples.Events(3_000), AvroCodecOptions.Parse(codec), blockTargetBytes: blockTargetBytes);
        return (file, EventRecordCodec.ReadAll(new MemoryStream(file)).Select(e => (e.UserId, e.TimestampMs, e.TrackId, e.ListeningTimeMs)).ToList());
    }

    private struct CollectingVisitor() : IEventVisitor
    {
        public List<(long, long, string, long)> Plays { get; } = [];

        public readonly void Visit(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs)
        {
            // The id arrives as stored: its zig-zag varint length, then UTF-8.
            int shift = 0, lengthBytes = 0;
            long raw = 0;
            do
            {
                raw |= (long)(trackIdAvro[lengthBytes] & 0x7F) << shift;
                shift += 7;
            }
            while ((trackIdAvro[lengthBytes++] & 0x80) != 0);
            Assert.Equal(trackIdAvro.Length - lengthBytes, raw >> 1);
            Plays.Add((userId, timestampMs, Encoding.UTF8.GetString(trackIdAvro[lengthBytes..]), listeningMs));
        }
    }

    private struct CollectingBatchVisitor() : IEventBatchVisitor
    {
        public List<(long, long, string, long)> Plays { get; } = [];

        public List<int> BatchSizes { get; } = [];

        public readonly void Visit(ReadOnlySpan<DecodedEvent> events, ReadOnlySpan<byte> block)
        {
            BatchSizes.Add(events.Length);
            foreach (var e in events)
            {
                // Spotify-like ids of under 64 bytes: a one-byte zig-zag length, then UTF-8.
                var trackIdAvro = block.Slice(e.TrackIdStart, e.TrackIdLength);
                Assert.Equal(trackIdAvro.Length - 1, trackIdAvro[0] >> 1);
                Plays.Add((e.UserId, e.TimestampMs, Encoding.UTF8.GetString(trackIdAvro[1..]), e.ListeningMs));
            }
        }
    }
}
