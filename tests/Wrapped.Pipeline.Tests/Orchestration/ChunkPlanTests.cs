using Wrapped.Pipeline.Orchestration;

namespace Wrapped.Pipeline.Tests.Orchestration;

public sealed class ChunkPlanTests
{
    public static TheoryData<int, int, int> Runs => new()
    {
        // batches, MaxParallelBatches, batches one chunk may hold
        { 201, 8, 200 }, { 450, 8, 200 }, { 1000, 8, 200 }, { 1000, 2, 200 }, { 4321, 16, 200 }, { 1000, 64, 200 },
        { 250, 32, 200 }, { 201, 1, 200 }, { 201, 500, 200 }, { 40_000, 8, 200 }, { 17, 3, 1 }, { 17, 40, 1 }, { 9, 4, 2 },
    };

    [Theory]
    [MemberData(nameof(Runs))]
    public void For_AnyRun_CoversEveryBatchOnceInRunOrder(int batchCount, int maxParallelBatches, int maxPerChunk)
    {
        var batches = Batches(batchCount);

        var plan = ChunkPlan.For(batches, maxParallelBatches, maxPerChunk);

        Assert.Equal(batches, plan.Chunks.SelectMany(c => c.Batches));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void For_AnyRun_EveryChunkFitsOneHistory(int batchCount, int maxParallelBatches, int maxPerChunk)
    {
        var plan = ChunkPlan.For(Batches(batchCount), maxParallelBatches, maxPerChunk);

        Assert.All(plan.Chunks, c => Assert.InRange(c.Batches.Length, 1, maxPerChunk));
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void For_AnyRun_TheChunksInFlightTogetherRunMaxParallelBatches(int batchCount, int maxParallelBatches, int maxPerChunk)
    {
        var plan = ChunkPlan.For(Batches(batchCount), maxParallelBatches, maxPerChunk);
        var slots = Math.Min(maxParallelBatches, batchCount);

        // Whichever chunks are running at a time (a chunk starts as soon as another finishes), their shares add up to
        // the run's slots: either every chunk runs at once, or every chunk runs one batch at a time.
        if (plan.ChunksInFlight == plan.Chunks.Count)
        {
            Assert.Equal(slots, plan.Chunks.Sum(c => c.BatchesInFlight));
        }
        else
        {
            Assert.Equal(slots, plan.ChunksInFlight);
            Assert.All(plan.Chunks, c => Assert.Equal(1, c.BatchesInFlight));
            // Even waves, unless there are fewer batches than that would take (then one batch a chunk).
            Assert.True(plan.Chunks.Count % plan.ChunksInFlight == 0 || plan.Chunks.All(c => c.Batches.Length == 1));
        }
    }

    [Theory]
    [MemberData(nameof(Runs))]
    public void For_AnyRun_ChunksTakeTheSameTimeWithinOneBatch(int batchCount, int maxParallelBatches, int maxPerChunk)
    {
        var plan = ChunkPlan.For(Batches(batchCount), maxParallelBatches, maxPerChunk);

        // A chunk's duration in batch times: its batches over its share of the slots.
        var durations = plan.Chunks.Select(c => (double)c.Batches.Length / c.BatchesInFlight).ToArray();

        Assert.True(durations.Max() - durations.Min() <= 1, $"Chunk durations {durations.Min()}..{durations.Max()} batch times.");
    }

    [Fact]
    public void For_1000BatchesAnd8Slots_EightChunksOf125OneBatchAtATimeAllAtOnce()
    {
        // Five chunks of 200 would need shares of 2 slots for 250 batches each; 8 chunks of 1 slot hold 125 each.
        var plan = ChunkPlan.For(Batches(1000), 8, 200);

        Assert.Equal(8, plan.ChunksInFlight);
        Assert.Equal(Enumerable.Repeat((125, 1), 8), plan.Chunks.Select(c => (c.Batches.Length, c.BatchesInFlight)));
    }

    [Fact]
    public void For_201BatchesAnd8Slots_TwoHalvesOfFourSlotsEach()
    {
        var plan = ChunkPlan.For(Batches(201), 8, 200);

        Assert.Equal(2, plan.ChunksInFlight);
        Assert.Equal([(100, 4), (101, 4)], plan.Chunks.Select(c => (c.Batches.Length, c.BatchesInFlight)));
    }

    [Fact]
    public void For_4321BatchesAnd16Slots_TwoWavesOf16ChunksOneBatchAtATime()
    {
        // 22 chunks would leave 10 of the 16 slots idle for the second wave; 32 chunks of 135 or 136 fill both waves.
        var plan = ChunkPlan.For(Batches(4321), 16, 200);

        Assert.Equal(16, plan.ChunksInFlight);
        Assert.Equal(32, plan.Chunks.Count);
        Assert.All(plan.Chunks, c => Assert.InRange(c.Batches.Length, 135, 136));
    }

    private static int[][] Batches(int count) => Enumerable.Range(0, count).Select(i => new[] { i }).ToArray();
}
