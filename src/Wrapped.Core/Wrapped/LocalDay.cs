namespace Wrapped.Core.Wrapped;

/// <summary>The calendar facts of one local day: what a play's year, month and weekday buckets are.</summary>
/// <param name="Weekday">0 = Monday … 6 = Sunday (ISO 8601).</param>
/// <param name="Month">0 = January … 11 = December.</param>
internal readonly record struct LocalDay(long DayNumber, int Year, int Month, int Weekday)
{
    public const long MillisecondsPerDay = 86_400_000;
    public const long MillisecondsPerHour = 3_600_000;

    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    /// <summary>The local day holding <paramref name="localMilliseconds"/> (milliseconds since 1970-01-01T00:00 local time).</summary>
    public static LocalDay Of(long localMilliseconds)
    {
        var day = Math.DivRem(localMilliseconds, MillisecondsPerDay, out var rest);
        if (rest < 0) day--;
        var date = DateOnly.FromDayNumber((int)(EpochDayNumber + day));
        // DayOfWeek counts from Sunday = 0; ISO weeks start on Monday.
        return new LocalDay(day, date.Year, date.Month - 1, ((int)date.DayOfWeek + 6) % 7);
    }
}
