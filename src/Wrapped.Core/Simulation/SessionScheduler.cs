using System.Numerics;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The reference's placement (a model without a rhythm): a day's sessions in its one-hour slots, 24 of them (23 or 25
/// on a local day when the clocks change). A session of length L takes ⌊L / 1 h⌋ + 1 consecutive free slots at a
/// uniformly random start among those where it fits, then starts at a uniformly random millisecond such that its last
/// play ends inside its slots (strictly before the next slot). Sessions are placed in the order they were drawn (long
/// ones first); one that fits nowhere is dropped.
/// </summary>
internal static class SessionScheduler
{
    public const int Slots = 24;
    public const long SlotMs = 3_600_000;

    /// <summary>The slots of a day of <paramref name="dayLengthMs"/>: whole hours, at most 31.</summary>
    public static int SlotsIn(long dayLengthMs) => (int)Math.Min(dayLengthMs / SlotMs, 31);

    /// <returns>The number of sessions dropped.</returns>
    public static int Place(ref RandomStream rng, DayPlan plan, int slots = Slots)
    {
        var free = (1u << slots) - 1;
        var dropped = 0;
        for (var s = 0; s < plan.SessionCount; s++)
        {
            var length = plan.SessionLengthMs[s];
            var needed = length / SlotMs + 1;
            var starts = needed <= slots ? Starts(free, (int)needed) : 0;
            if (starts == 0)
            {
                plan.SessionStartMs[s] = DayPlan.NotPlaced;
                dropped++;
                continue;
            }
            var slot = HeardTrackRanks.SelectBit(starts, rng.NextInt(BitOperations.PopCount(starts)));
            free &= ~(Run((int)needed) << slot);
            // needed × 1 h > length, so there is at least one admissible start.
            var slack = (int)(needed * SlotMs - length);
            plan.SessionStartMs[s] = slot * SlotMs + rng.NextInt(slack);
        }
        return dropped;
    }

    private static uint Run(int slots) => (1u << slots) - 1;

    /// <summary>
    /// A bit per start slot where <paramref name="slots"/> consecutive free slots begin, found with word
    /// operations rather than a scan of every start: counting them and taking the n-th were two scans a session.
    /// </summary>
    /// <remarks>Slots past the day are never free, so the shifts cannot admit a run that overflows the day.</remarks>
    private static uint Starts(uint free, int slots)
    {
        var starts = free;
        for (var i = 1; i < slots; i++)
        {
            starts &= free >> i;
        }
        return starts;
    }
}
