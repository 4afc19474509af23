using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Turns a play's UTC instant into the listener's local wall-clock time, which decides its year, month, weekday and
/// hour: the zone of the users file (<c>time_zone</c>; UTC under the reference model). The aggregator asks for one
/// clock per listener and calls it once per play, in time order, so a zone's clock keeps the offset span it is in
/// and looks up the next only when a play crosses a transition.
/// </summary>
public abstract class ListenerClock
{
    public static ListenerClock Utc { get; } = new UtcClock();

    /// <summary>The IANA id of the zone, written into each summary.</summary>
    public abstract string ZoneId { get; }

    /// <summary>Milliseconds since 1970-01-01T00:00 local time, for <paramref name="utcMilliseconds"/> since the Unix epoch.</summary>
    public abstract long ToLocalMilliseconds(long utcMilliseconds);

    /// <summary>The span of UTC instants around <paramref name="utcMilliseconds"/> that share its offset from UTC.</summary>
    public abstract OffsetSpan OffsetSpanAt(long utcMilliseconds);

    /// <summary>A new clock for one listener in <paramref name="zoneId"/> (an IANA id of the TZDB).</summary>
    public static ListenerClock For(string zoneId) =>
        zoneId == ListenerTimeZone.UtcId ? Utc : new ZoneClock(ListenerTimeZone.Get(zoneId));

    private sealed class UtcClock : ListenerClock
    {
        public override string ZoneId => ListenerTimeZone.UtcId;

        public override long ToLocalMilliseconds(long utcMilliseconds) => utcMilliseconds;

        public override OffsetSpan OffsetSpanAt(long utcMilliseconds) => new(long.MinValue, long.MaxValue, 0);
    }

    /// <summary>Not shared between listeners or threads: it remembers the span its last play fell in.</summary>
    private sealed class ZoneClock(ListenerTimeZone zone) : ListenerClock
    {
        private OffsetSpan _span = new(long.MaxValue, long.MinValue, 0);

        public override string ZoneId => zone.Id;

        public override long ToLocalMilliseconds(long utcMilliseconds)
        {
            if (utcMilliseconds < _span.FromUtcMs || utcMilliseconds >= _span.UntilUtcMs) _span = zone.OffsetSpanAt(utcMilliseconds);
            return utcMilliseconds + _span.OffsetMs;
        }

        public override OffsetSpan OffsetSpanAt(long utcMilliseconds) => zone.OffsetSpanAt(utcMilliseconds);
    }
}
