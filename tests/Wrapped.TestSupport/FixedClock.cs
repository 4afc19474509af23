namespace Wrapped.TestSupport;

/// <summary>A clock that says what the test wants, so "yesterday" is a known day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>
    /// 10:30 UTC on <paramref name="today"/>, when the nightly timer fires: yesterday has ended in every time zone of the
    /// realistic model (Honolulu's last), so it is the latest end of every run, whatever its model.
    /// </summary>
    public static FixedClock OnDay(DateOnly today) => new(new DateTimeOffset(today.ToDateTime(new TimeOnly(10, 30)), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;
}
