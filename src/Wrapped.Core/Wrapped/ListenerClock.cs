using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Turns a play's UTC instant into the listener's local wall-clock time, which decides its year, month, weekday and
/// hour: the zone of the users file (<c>time_zone</c>; UTC under the reference model). A clock holds no state: the
/// aggregator keeps each listener's current offset span and asks for the next only when a play crosses a transition.
/// </summary>
public abstract class ListenerClock
{
    public static ListenerClock Utc { get; } = new UtcClock();

    /// <summary>The IANA id of the zone, written into each summary.</summary>
    public abstract string ZoneId { get; }

    /// <summary>Milliseconds since 1970-01-01T00:00 local time, for <paramref name="utcMilliseconds"/> since the Unix epoch.</summary>
    public long ToLocalMilliseconds(long utcMilliseconds) => utcMilliseconds + OffsetSpanAt(utcMilliseconds).OffsetMs;

    /// <summary>The span of UTC instants around <paramref name="utcMilliseconds"/> that share its offset from UTC.</summary>
    public abstract OffsetSpan OffsetSpanAt(long utcMilliseconds);

    /// <summary>The clock of a listener in <paramref name="zoneId"/> (an IANA id of the TZDB).</summary>
    public static ListenerClock For(string zoneId) =>
        zoneId == ListenerTimeZone.UtcId ? Utc : new ZoneClock(ListenerTimeZone.Get(zoneId));

    private sealed class UtcClock : ListenerClock
    {
        public override string ZoneId => ListenerTimeZone.UtcId;

        public override OffsetSpan OffsetSpanAt(long utcMilliseconds) => new(long.MinValue, long.MaxValue, 0);
    }

    private sealed class ZoneClock(ListenerTimeZone zone) : ListenerClock
    {
        public override string ZoneId => zone.Id;

        public override OffsetSpan OffsetSpanAt(long utcMilliseconds) => zone.OffsetSpanAt(utcMilliseconds);
    }
}
