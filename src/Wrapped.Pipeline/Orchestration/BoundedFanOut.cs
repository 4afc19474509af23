using Microsoft.DurableTask;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>What a batch returns, summed over a fan-out: a zero, an addition, and the count progress reports.</summary>
public interface IBatchTotal<T> where T : IBatchTotal<T>
{
    static abstract T Zero { get; }

    T Plus(T other);

    /// <summary>The running count a progress report shows (events written, plays read).</summary>
    long Counted { get; }
}

/// <summary>
/// The bounded fan-out of an orchestration: starts <c>count</c> tasks in order, at most <c>maxInFlight</c> at once,
/// the next as soon as one finishes, and reports the batches done after each. Batch activities and chunk
/// sub-orchestrations of the simulation and of Wrapped all go through it.
/// </summary>
internal static class BoundedFanOut
{
    /// <param name="batchesOf">How many batches task <c>i</c> covers, for progress.</param>
    /// <param name="start">Starts task <c>i</c>; called once per index, in index order.</param>
    /// <param name="progress">The progress to show after <c>done</c> batches with <c>counted</c> events or plays.</param>
    public static async Task<T> RunAsync<T>(
        TaskOrchestrationContext context, int count, int maxInFlight, Func<int, int> batchesOf, Func<int, Task<T>> start,
        Func<int, long, RunProgress> progress) where T : IBatchTotal<T>
    {
        var limit = Math.Max(1, maxInFlight);
        var inFlight = new List<(Task<T> Task, int Index)>(Math.Min(limit, count));
        var total = T.Zero;
        var batchesDone = 0;
        var next = 0;
        context.SetCustomStatus(progress(0, 0));
        while (next < count || inFlight.Count > 0)
        {
            while (next < count && inFlight.Count < limit)
            {
                inFlight.Add((start(next), next));
                next++;
            }
            var finished = await Task.WhenAny(inFlight.Select(f => f.Task));
            var position = inFlight.FindIndex(f => f.Task == finished);
            batchesDone += batchesOf(inFlight[position].Index);
            inFlight.RemoveAt(position);
            total = total.Plus(await finished);
            context.SetCustomStatus(progress(batchesDone, total.Counted));
        }
        return total;
    }

    /// <summary>
    /// A run's batches: as activities (<paramref name="startBatch"/>) when there are few; above
    /// <see cref="FeedOrchestrator.BatchesPerSubOrchestration"/>, as chunk sub-orchestrations
    /// (<paramref name="startChunk"/>, given the chunk and its index) side by side, sharing
    /// <paramref name="maxParallelBatches"/> between them (<see cref="ChunkPlan"/>) so that the slots stay busy across
    /// chunk boundaries, and keeping each history small.
    /// </summary>
    public static Task<T> BatchesAsync<T>(
        TaskOrchestrationContext context, int[][] batches, int maxParallelBatches, Func<int, Task<T>> startBatch,
        Func<PlannedChunk, int, Task<T>> startChunk, Func<int, long, RunProgress> progress) where T : IBatchTotal<T>
    {
        if (batches.Length <= FeedOrchestrator.BatchesPerSubOrchestration)
            return RunAsync(context, batches.Length, maxParallelBatches, _ => 1, startBatch, progress);
        var plan = ChunkPlan.For(batches, maxParallelBatches, FeedOrchestrator.BatchesPerSubOrchestration);
        return RunAsync(context, plan.Chunks.Count, plan.ChunksInFlight, i => plan.Chunks[i].Batches.Length, i => startChunk(plan.Chunks[i], i), progress);
    }

    /// <summary>The simulation's progress: batches of <paramref name="batchesTotal"/> done, events written.</summary>
    public static Func<int, long, RunProgress> Simulation(int batchesTotal) => (done, events) => new RunProgress("simulate", done, batchesTotal, events);
}
