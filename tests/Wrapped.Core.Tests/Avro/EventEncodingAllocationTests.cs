using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

/// <summary>The event path runs ~100 million times per run: it must not allocate per record.</summary>
public class EventEncodingAllocationTests
{
    private const int Events = 200_000;

    [Fact]
    public void WriteEvents_NullCodecAfterWarmUp_AllocatesNothing()
    {
        long allocated = MeasureAllocatedBytes(AvroCodecOptions.Parse("null"));

        Assert.True(allocated < 1024, $"{allocated} bytes allocated for {Events} events");
    }

    [Fact]
    public void WriteEvents_DeflateAfterWarmUp_AllocatesOnlyASmallCostPerBlock()
    {
        long allocated = MeasureAllocatedBytes(AvroCodecOptions.Default);

        // About 40 blocks of 256 KiB; each creates a DeflateStream (a few hundred bytes), nothing per record.
        Assert.True(allocated < Events / 10, $"{allocated} bytes allocated for {Events} events");
    }

    private static long MeasureAllocatedBytes(AvroCodecOptions codec)
    {
        byte[][] trackIds = [.. Enumerable.Range(0, 1000).Select(i => EventRecordCodec.EncodeAvroString($"{i:D22}"))];
        using var writer = new AvroContainerWriter(Stream.Null, FeedSchemas.Event, codec, SyncMarker.Derive(1, "events/part-00000.avro"));
        Write(writer, trackIds, Events); // warm-up: buffers at working size, code jitted
        // The least of three rounds: the runtime may still be promoting the loop's methods to their optimized code
        // during one (under a loaded test run it did, and the thread that trips a method's call count does a little
        // bookkeeping that allocates); a per-record allocation would show in every round.
        long least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            Write(writer, trackIds, Events);
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }
        Assert.Equal(4 * Events, writer.RecordCount);
        return least;
    }

    private static void Write(AvroContainerWriter writer, byte[][] trackIds, int count)
    {
        for (int i = 0; i < count; i++)
        {
            var e = new ListeningEvent(1_741_478_400_000_000 + i, 1_741_478_400_000 + 1000L * i, i % trackIds.Length, i / 35, 180_000 + i % 1000, i / 10);
            EventRecordCodec.Write(writer.Record, e, trackIds[e.TrackIndex]);
            writer.EndRecord();
        }
    }
}
