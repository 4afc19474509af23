using System.Runtime.CompilerServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The running totals of one listener in one (local) calendar year; what a summary is made from. The month, hour and
/// weekday buckets are inline, in the object itself: a play updates a few lines of one object, not three arrays.
/// </summary>
internal sealed class ListenerYear(int year, TrackTallies.Pool tallies)
{
    public int Year { get; } = year;

    public long ListeningMs;
    public long Plays;
    public long Skips;
    public long FirstPlayMs = long.MaxValue;
    public long LastPlayMs = long.MinValue;

    /// <summary>Plays whose artist the listener had played before (since the run's start).</summary>
    public long FamiliarPlays;

    public double NewnessSum;

    /// <summary>Plays of the previous play's track or artist.</summary>
    public long RepeatPlays;

    /// <summary>Plays compared with their alternatives (every play but a replay of the previous track).</summary>
    public long ComparedPlays;

    /// <summary>Sums of the shares of alternatives each compared play beat in popularity, per newness order.</summary>
    public double BeatenOldestFirst;
    public double BeatenNewestFirst;

    /// <summary>Plays placed in the subset they were drawn from, and the sum of their positions (0 oldest, 1 newest).</summary>
    public long PlacedPlays;
    public double PositionSum;

    public Months ListeningMsByMonth;
    public Hours PlaysByHour;
    public Weekdays PlaysByWeekday;

    public readonly TrackTallies Tracks = new(tallies);

    /// <summary>
    /// The mean share of alternatives beaten, for the newness order the listener's plays show: they sit in the older
    /// half of the subsets they were drawn from for a Timeless listener, in the newer half for a Newness one.
    /// </summary>
    public double Commonality()
    {
        if (ComparedPlays == 0) return 0.5;
        var newestFirst = PlacedPlays > 0 && PositionSum / PlacedPlays > 0.5;
        return (newestFirst ? BeatenNewestFirst : BeatenOldestFirst) / ComparedPlays;
    }

    [InlineArray(12)]
    public struct Months
    {
        private long _first;
    }

    [InlineArray(24)]
    public struct Hours
    {
        private long _first;
    }

    [InlineArray(7)]
    public struct Weekdays
    {
        private long _first;
    }
}
