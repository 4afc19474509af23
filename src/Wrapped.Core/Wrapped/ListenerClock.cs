namespace Wrapped.Core.Wrapped;

/// <summary>
/// Turns a play's UTC instant into the listener's local wall-clock time, which decides its year, month, weekday and
/// hour. Every listener is on UTC today; when users carry an IANA time zone, a clock per zone plugs in here and
/// nothing else in the aggregation changes. The aggregator asks for one clock per listener and calls it once per play,
/// so an implementation should cache its current offset (it stays valid until the zone's next transition).
/// </summary>
public abstract class ListenerClock
{
    public static ListenerClock Utc { get; } = new UtcClock();

    /// <summary>The IANA id of the zone, written into each summary.</summary>
    public abstract string ZoneId { get; }

    /// <summary>Milliseconds since 1970-01-01T00:00 local time, for <paramref name="utcMilliseconds"/> since the Unix epoch.</summary>
    public abstract long ToLocalMilliseconds(long utcMilliseconds);

    private sealed class UtcClock : ListenerClock
    {
        public override string ZoneId => "UTC";

        public override long ToLocalMilliseconds(long utcMilliseconds) => utcMilliseconds;
    }
}
