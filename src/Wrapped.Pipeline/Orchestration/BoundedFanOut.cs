using Microsoft.DurableTask;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Pipeline.Orchestration;

/// <summary>
/// The bounded fan-out of an orchestration: starts <c>count</c> tasks in order, at most <c>maxInFlight</c> at once,
/// the next as soon as one finishes, and reports the batches done after each. Batch activities and chunk
/// sub-orchestrations both go through it.
/// </summary>
internal static class BoundedFanOut
{
    /// <param name="batchesOf">How many batches task <c>i</c> covers, for progress.</param>
    /// <param name="start">Starts task <c>i</c>; called once per index, in index order.</param>
    public static async Task<BatchOutcome> RunAsync(
        TaskOrchestrationContext context, int count, int maxInFlight, int batchesTotal, Func<int, int> batchesOf, Func<int, Task<BatchOutcome>> start)
    {
        var limit = Math.Max(1, maxInFlight);
        var inFlight = new List<(Task<BatchOutcome> Task, int Index)>(Math.Min(limit, count));
        long events = 0, bytes = 0, dropped = 0;
        var batchesDone = 0;
        var next = 0;
        context.SetCustomStatus(new RunProgress("simulate", 0, batchesTotal, 0));
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
            var outcome = await finished;
            events += outcome.Events;
            bytes += outcome.Bytes;
            dropped += outcome.DroppedSessions;
            context.SetCustomStatus(new RunProgress("simulate", batchesDone, batchesTotal, events));
        }
        return new BatchOutcome(events, bytes, dropped);
    }
}
