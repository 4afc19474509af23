namespace Wrapped.TestSupport;

/// <summary>A clock that says what the test wants, so "yesterday" is a known day.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public static FixedClock OnDay(DateOnly today) => new(new DateTimeOffset(today.ToDateTime(new TimeOnly(3, 0)), TimeSpan.Zero));

    public override DateTimeOffset GetUtcNow() => Now;
}
