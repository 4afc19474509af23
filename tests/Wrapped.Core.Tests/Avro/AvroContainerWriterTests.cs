using System.IO.Compression;
using System.Text;
using global::Avro.File;
using global::Avro.Generic;
using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

public class AvroContainerWriterTests
{
    private const string EventsPath = "events/date=2025-03-09/part-00000.avro";

    [Fact]
    public void Write_SameRecordsAndSeedTwice_GivesIdenticalBytesAndAHeaderWithoutAClock()
    {
        var events = AvroSamples.Events(20_000);

        byte[] first = AvroTestFiles.Events(events, blockTargetBytes: 32 * 1024);
        byte[] second = AvroTestFiles.Events(events, blockTargetBytes: 32 * 1024);

        Assert.Equal(first, second);
        // Nothing in the header can depend on when a file is written: its metadata is the schema and the codec alone.
        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(first));
        Assert.Equal(["avro.codec", "avro.schema"], reader.GetMetaKeys().Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData(AvroTestFiles.Seed, "events/date=2025-03-10/part-00000.avro")]
    [InlineData(AvroTestFiles.Seed + 1, EventsPath)]
    public void Write_OtherPathOrSeed_ChangesOnlyTheSyncMarker(long seed, string path)
    {
        var events = AvroSamples.Events(100);
        byte[] reference = AvroTestFiles.Events(events, path: EventsPath);
        byte[] sync = SyncMarker.Derive(AvroTestFiles.Seed, EventsPath);

        byte[] other = AvroTestFiles.Write(FeedSchemas.Event, events, (b, e) => EventRecordCodec.Write(b, e.Event, EventRecordCodec.EncodeAvroString(e.TrackId)), path: path, seed: seed);
        byte[] otherSync = SyncMarker.Derive(seed, path);

        Assert.NotEqual(sync, otherSync);
        Assert.Equal(2, AvroTestFiles.CountOccurrences(other, otherSync));
        Assert.Equal(0, AvroTestFiles.CountOccurrences(other, sync));
        Assert.Equal(reference.Length, other.Length);
    }

    [Fact]
    public void Header_Layout_IsMagicThenSchemaAndCodecOnlyThenSync()
    {
        byte[] sync = SyncMarker.Derive(1, "users/part-00000.avro");
        using var output = new MemoryStream();
        using (new AvroContainerWriter(output, FeedSchemas.User, AvroCodecOptions.Default, sync))
        {
        }
        byte[] file = output.ToArray();

        var expected = new AvroRecordBuffer();
        expected.WriteRaw("Obj"u8);
        expected.WriteRaw([1]);
        expected.WriteLong(2);
        expected.WriteString("avro.schema");
        expected.WriteString(FeedSchemas.User.Json); // bytes and string share the length-prefixed layout
        expected.WriteString("avro.codec");
        expected.WriteString("deflate");
        expected.WriteLong(0);
        expected.WriteRaw(sync);
        Assert.Equal(expected.Span.ToArray(), file);
    }

    [Fact]
    public void Header_ReadByApache_HoldsOnlySchemaAndCodecWithoutClockTime()
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.User, AvroSamples.Users, UserRecordCodec.Write);

        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file));

        Assert.Equal(["avro.codec", "avro.schema"], reader.GetMetaKeys().Order(StringComparer.Ordinal));
        Assert.Equal("deflate", reader.GetMetaString("avro.codec"));
        Assert.Equal(FeedSchemas.User.Json, reader.GetMetaString("avro.schema"));
        string header = Encoding.UTF8.GetString(file.AsSpan(0, 600));
        Assert.DoesNotContain(DateTime.UtcNow.Year.ToString(System.Globalization.CultureInfo.InvariantCulture), header);
    }

    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void Write_ZeroRecords_IsHeaderOnlyAndReadsAsEmpty(string codec)
    {
        byte[] sync = SyncMarker.Derive(1, EventsPath);
        using var output = new MemoryStream();
        long count;
        using (var writer = new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Parse(codec), sync))
        {
            writer.Finish();
            count = writer.RecordCount;
            Assert.Equal(output.Length, writer.BytesWritten);
        }
        byte[] file = output.ToArray();

        Assert.Equal(0, count);
        Assert.Equal(1, AvroTestFiles.CountOccurrences(file, sync));
        Assert.Empty(EventRecordCodec.ReadAll(new MemoryStream(file)));
        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file));
        Assert.False(reader.HasNext());
    }

    [Fact]
    public void Write_NullCodec_StoresRecordBytesVerbatim()
    {
        var events = AvroSamples.Events(10);
        var encoded = new AvroRecordBuffer();
        foreach (var (e, trackId) in events)
        {
            EventRecordCodec.Write(encoded, e, EventRecordCodec.EncodeAvroString(trackId));
        }

        byte[] file = AvroTestFiles.Events(events, AvroCodecOptions.Parse("null"));

        Assert.True(file.AsSpan().IndexOf(encoded.Span) > 0);
    }

    [Fact]
    public void Write_Deflate_IsSmallerThanNullAndBothReadAlike()
    {
        var events = AvroSamples.Events(5_000);

        byte[] deflated = AvroTestFiles.Events(events, AvroCodecOptions.Default);
        byte[] plain = AvroTestFiles.Events(events, AvroCodecOptions.Parse("null"));

        Assert.True(deflated.Length < plain.Length / 2, $"deflate {deflated.Length} bytes vs null {plain.Length}");
        Assert.Equal(EventRecordCodec.ReadAll(new MemoryStream(plain)), EventRecordCodec.ReadAll(new MemoryStream(deflated)));
    }

    [Fact]
    public void Counters_AfterFinish_MatchRecordsAndStreamLength()
    {
        using var output = new MemoryStream();
        var writer = new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, EventsPath), blockTargetBytes: 1024);
        byte[] trackId = EventRecordCodec.EncodeAvroString("4iV5W9uYEdYUVa79Axb7Rh");
        for (int i = 0; i < 1_000; i++)
        {
            EventRecordCodec.Write(writer.Record, new ListeningEvent(i, i, 0, i, i, i), trackId);
            writer.EndRecord();
        }

        writer.Finish();

        Assert.Equal(1_000, writer.RecordCount);
        Assert.Equal(output.Length, writer.BytesWritten);
        Assert.True(AvroTestFiles.CountOccurrences(output.ToArray(), SyncMarker.Derive(1, EventsPath)) > 10);
    }

    [Fact]
    public void Finish_RecordNotEnded_Throws()
    {
        using var output = new MemoryStream();
        var writer = new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, EventsPath));
        writer.Record.WriteLong(1);

        var error = Assert.Throws<InvalidOperationException>(writer.Finish);

        Assert.Contains("EndRecord", error.Message);
    }

    [Fact]
    public void Dispose_AfterEncoderFailedMidRecord_WritesOnlyEndedRecords()
    {
        var events = AvroSamples.Events(3);
        using var output = new MemoryStream();
        using (var writer = new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, EventsPath)))
        {
            foreach (var (e, trackId) in events)
            {
                EventRecordCodec.Write(writer.Record, e, EventRecordCodec.EncodeAvroString(trackId));
                writer.EndRecord();
            }
            writer.Record.WriteLong(99); // a fourth record whose encoder "threw" here
        }

        Assert.Equal(3, EventRecordCodec.ReadAll(new MemoryStream(output.ToArray())).Count());
    }

    [Fact]
    public void EndRecord_AfterFinish_Throws()
    {
        using var output = new MemoryStream();
        var writer = new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, EventsPath));
        writer.Finish();

        Assert.Throws<InvalidOperationException>(writer.EndRecord);
    }

    [Fact]
    public void Dispose_AfterOutputFailed_DoesNotWriteAgain()
    {
        var output = new FailingStream(failAfterWrites: 1); // the header goes through, the first block fails
        var writer = new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, EventsPath), blockTargetBytes: 1);
        EventRecordCodec.Write(writer.Record, new ListeningEvent(1, 1, 0, 1, 1, 1), EventRecordCodec.EncodeAvroString("x"));

        Assert.Throws<IOException>(writer.EndRecord);
        writer.Dispose();

        Assert.Equal(2, output.WriteCalls);
    }

    [Fact]
    public void Dispose_OutputStream_IsLeftOpen()
    {
        using var output = new MemoryStream();

        using (new AvroContainerWriter(output, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, EventsPath)))
        {
        }

        Assert.True(output.CanWrite);
    }

    [Theory]
    [InlineData(15)]
    [InlineData(17)]
    public void Constructor_SyncMarkerNotSixteenBytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => new AvroContainerWriter(new MemoryStream(), FeedSchemas.Event, AvroCodecOptions.Default, new byte[length]));
    }

    [Fact]
    public void WriteAll_Items_WritesSameBytesAsWriterLoop()
    {
        byte[] sync = SyncMarker.Derive(AvroTestFiles.Seed, "test/part-00000.avro");
        using var output = new MemoryStream();

        long count = AvroContainer.WriteAll(output, FeedSchemas.Artist, AvroCodecOptions.Default, sync, AvroSamples.Artists, ArtistRecordCodec.Write);

        Assert.Equal(AvroSamples.Artists.Count, count);
        Assert.Equal(AvroTestFiles.Write(FeedSchemas.Artist, AvroSamples.Artists, ArtistRecordCodec.Write), output.ToArray());
    }

    [Fact]
    public void Write_OptimalLevel_IsReadableAndNoLargerThanFastest()
    {
        var events = AvroSamples.Events(20_000);

        byte[] fastest = AvroTestFiles.Events(events, new AvroCodecOptions(AvroCodec.Deflate, CompressionLevel.Fastest));
        byte[] optimal = AvroTestFiles.Events(events, new AvroCodecOptions(AvroCodec.Deflate, CompressionLevel.Optimal));

        Assert.True(optimal.Length <= fastest.Length, $"optimal {optimal.Length} bytes vs fastest {fastest.Length}");
        Assert.Equal(events.Length, EventRecordCodec.ReadAll(new MemoryStream(optimal)).Count());
    }

    private sealed class FailingStream(int failAfterWrites) : MemoryStream
    {
        public int WriteCalls { get; private set; }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (++WriteCalls > failAfterWrites)
            {
                throw new IOException("disk full");
            }
            base.Write(buffer);
        }
    }
}
