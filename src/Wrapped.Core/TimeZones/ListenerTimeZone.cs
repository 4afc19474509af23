using System.Collections.Concurrent;
using NodaTime;

namespace Wrapped.Core.TimeZones;

/// <summary>
/// An IANA time zone as arrays of UTC offsets, read once from NodaTime's embedded TZDB, so that the simulator and the
/// readers of a feed turn UTC instants into local dates and hours (and local days into UTC bounds) in a few
/// nanoseconds, without allocating, and identically on every machine whatever its own time-zone data.
/// </summary>
/// <remarks>
/// The tables cover the dates event ids can carry (1970–2149); outside them the first or last offset holds. Immutable,
/// so one instance per zone is shared by every thread (<see cref="Get"/>). Times are Unix milliseconds; a "local"
/// millisecond count is the wall-clock time written as if it were UTC (local = UTC + offset).
/// </remarks>
public sealed class ListenerTimeZone
{
    /// <summary>The zone of users with none: the reference model's listeners live their days in UTC.</summary>
    public const string UtcId = "UTC";

    public const long MsPerHour = 3_600_000, MsPerDay = 86_400_000;

    private static readonly ConcurrentDictionary<string, ListenerTimeZone> Cache = new(StringComparer.Ordinal);
    private static readonly Instant TableStart = Instant.FromUtc(1969, 12, 1, 0, 0);
    private static readonly Instant TableEnd = Instant.FromUtc(2150, 2, 1, 0, 0);
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    // Interval i holds the instants [_startsUtcMs[i], _startsUtcMs[i + 1]) at offset _offsetsMs[i]. Its wall-clock
    // times end at _localEndsMs[i] = next start + this offset; those ends increase, so a wall-clock time finds its
    // interval by a binary search too.
    private readonly long[] _startsUtcMs;
    private readonly long[] _offsetsMs;
    private readonly long[] _localEndsMs;

    private ListenerTimeZone(string id, long[] startsUtcMs, long[] offsetsMs)
    {
        Id = id;
        _startsUtcMs = startsUtcMs;
        _offsetsMs = offsetsMs;
        _localEndsMs = new long[startsUtcMs.Length];
        for (var i = 0; i < startsUtcMs.Length; i++)
        {
            _localEndsMs[i] = i + 1 < startsUtcMs.Length ? startsUtcMs[i + 1] + offsetsMs[i] : long.MaxValue;
            if (i > 0 && _localEndsMs[i] <= _localEndsMs[i - 1])
            {
                throw new NotSupportedException($"Time zone {id} moves its clocks back by more than an interval's length; it cannot be used for listeners.");
            }
        }
    }

    /// <summary>The IANA id, e.g. <c>Europe/Paris</c>.</summary>
    public string Id { get; }

    /// <summary>The version of the TZDB these offsets come from (NodaTime's embedded copy), e.g. <c>2026f</c>: part of what defines a run.</summary>
    public static string DatabaseVersion { get; } = DateTimeZoneProviders.Tzdb.VersionId.Replace("TZDB: ", "", StringComparison.Ordinal).Split(' ')[0];

    public static ListenerTimeZone Utc { get; } = Get(UtcId);

    /// <summary>Whether the embedded TZDB knows <paramref name="id"/> (canonical ids and links alike).</summary>
    public static bool Exists(string id) => DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null;

    /// <summary>The zone <paramref name="id"/>, built on first use and shared.</summary>
    /// <exception cref="ArgumentException">The TZDB has no such zone.</exception>
    public static ListenerTimeZone Get(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return Cache.TryGetValue(id, out var zone) ? zone : Cache.GetOrAdd(id, Build);
    }

    public override string ToString() => Id;

    /// <summary>The offset from UTC in force at <paramref name="utcMs"/>.</summary>
    public long OffsetMsAt(long utcMs) => _offsetsMs[IntervalAt(utcMs)];

    /// <summary>The span of instants around <paramref name="utcMs"/> that share its offset: [From, Until), and the offset.</summary>
    public OffsetSpan OffsetSpanAt(long utcMs)
    {
        var i = IntervalAt(utcMs);
        return new OffsetSpan(_startsUtcMs[i], i + 1 < _startsUtcMs.Length ? _startsUtcMs[i + 1] : long.MaxValue, _offsetsMs[i]);
    }

    /// <summary>The wall-clock time at <paramref name="utcMs"/>, as local milliseconds.</summary>
    public long ToLocalMs(long utcMs) => utcMs + OffsetMsAt(utcMs);

    /// <summary>The listener's calendar date at <paramref name="utcMs"/>.</summary>
    public DateOnly LocalDateAt(long utcMs) => MomentAt(utcMs).Date;

    /// <summary>The listener's date, hour (0–23) and weekday at <paramref name="utcMs"/>: what Wrapped's charts bucket by.</summary>
    public LocalMoment MomentAt(long utcMs)
    {
        var localMs = ToLocalMs(utcMs);
        var dayIndex = Math.DivRem(localMs, MsPerDay, out var msOfDay);
        if (msOfDay < 0)
        {
            dayIndex--;
            msOfDay += MsPerDay;
        }
        var date = DateOnly.FromDayNumber(EpochDayNumber + (int)dayIndex);
        return new LocalMoment(date, (int)(msOfDay / MsPerHour), date.DayOfWeek);
    }

    /// <summary>
    /// The UTC bounds of local date <paramref name="date"/>: from its first instant (local midnight, or the end of a
    /// gap that swallows midnight, as NodaTime's <c>AtStartOfDay</c>) to the next date's first instant; 23 or 25 hours
    /// long on days the clocks change.
    /// </summary>
    public LocalDay Day(DateOnly date)
    {
        var hint = 0;
        return Day(date.DayNumber - EpochDayNumber, ref hint);
    }

    /// <param name="daysSinceEpoch">The local date as days since 1970-01-01.</param>
    /// <param name="hint">An interval index from the previous call for this zone (0 at first): consecutive days then find theirs at once.</param>
    internal LocalDay Day(int daysSinceEpoch, ref int hint)
    {
        var midnightLocalMs = daysSinceEpoch * MsPerDay;
        var start = FirstInstantAtOrAfter(midnightLocalMs, ref hint);
        var startInterval = hint;
        var end = FirstInstantAtOrAfter(midnightLocalMs + MsPerDay, ref hint);
        // Regular: one offset all day and a day that begins at midnight, so wall-clock and elapsed time agree.
        var regular = startInterval == hint && start == midnightLocalMs - _offsetsMs[startInterval];
        return new LocalDay(daysSinceEpoch, start, end - start, regular);
    }

    /// <summary>
    /// The instant a wall-clock time of the day names, as elapsed milliseconds from the day's start: the earlier one
    /// when the clocks go back, and one pushed forward by the gap's length when they go forward (NodaTime's lenient
    /// resolver). May fall at or past the day's end when a gap swallows the end of the day.
    /// </summary>
    internal long ElapsedAtWallClock(in LocalDay day, long wallMs, ref int hint)
    {
        if (day.Regular)
        {
            return wallMs;
        }
        var local = day.DaysSinceEpoch * MsPerDay + wallMs;
        var i = IntervalOfLocal(local, ref hint);
        var inGap = i > 0 && local < _startsUtcMs[i] + _offsetsMs[i];
        return local - _offsetsMs[inGap ? i - 1 : i] - day.StartUtcMs;
    }

    /// <summary>The first instant whose wall-clock time is at or after <paramref name="localMs"/>.</summary>
    private long FirstInstantAtOrAfter(long localMs, ref int hint)
    {
        var i = IntervalOfLocal(localMs, ref hint);
        // Before interval i's first wall-clock time: localMs fell in the gap before it, which ends at its start.
        var inGap = i > 0 && localMs < _startsUtcMs[i] + _offsetsMs[i];
        return inGap ? _startsUtcMs[i] : localMs - _offsetsMs[i];
    }

    /// <summary>The first interval whose wall-clock times end after <paramref name="localMs"/> (so the earliest holding it, if any does).</summary>
    private int IntervalOfLocal(long localMs, ref int hint)
    {
        var h = hint;
        if ((uint)h < (uint)_localEndsMs.Length && _localEndsMs[h] > localMs && (h == 0 || _localEndsMs[h - 1] <= localMs))
        {
            return h;
        }
        int lo = 0, hi = _localEndsMs.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (_localEndsMs[mid] > localMs) hi = mid;
            else lo = mid + 1;
        }
        hint = lo;
        return lo;
    }

    private int IntervalAt(long utcMs)
    {
        int lo = 0, hi = _startsUtcMs.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) >>> 1;
            if (_startsUtcMs[mid] <= utcMs) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    private static ListenerTimeZone Build(string id)
    {
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id)
            ?? throw new ArgumentException($"'{id}' is not a time zone of the TZDB {DatabaseVersion} (expected an IANA id such as Europe/Paris).", nameof(id));
        var starts = new List<long>();
        var offsets = new List<long>();
        foreach (var interval in zone.GetZoneIntervals(TableStart, TableEnd))
        {
            var offset = (long)interval.WallOffset.Milliseconds;
            if (offsets.Count > 0 && offsets[^1] == offset)
            {
                // Only the offset matters here (a change of name or of the DST share alone is no transition).
                continue;
            }
            starts.Add(starts.Count == 0 ? long.MinValue : interval.Start.ToUnixTimeMilliseconds());
            offsets.Add(offset);
        }
        return new ListenerTimeZone(id, [.. starts], [.. offsets]);
    }
}

/// <summary>A listener's calendar day in UTC: <see cref="StartUtcMs"/> and its length (usually 24 h; 23 or 25 h when the clocks change).</summary>
/// <param name="DaysSinceEpoch">The local date, as days since 1970-01-01 (the day field of event ids).</param>
/// <param name="Regular">One offset all day and the day starts at local midnight: elapsed time from the start is the wall-clock time.</param>
public readonly record struct LocalDay(int DaysSinceEpoch, long StartUtcMs, long LengthMs, bool Regular)
{
    /// <summary>The first instant of the next local day: every instant of this day is below it.</summary>
    public long EndUtcMs => StartUtcMs + LengthMs;
}

/// <summary>A UTC instant as its listener saw it.</summary>
/// <summary>Instants [<paramref name="FromUtcMs"/>, <paramref name="UntilUtcMs"/>) of one offset from UTC.</summary>
public readonly record struct OffsetSpan(long FromUtcMs, long UntilUtcMs, long OffsetMs);

public readonly record struct LocalMoment(DateOnly Date, int Hour, DayOfWeek DayOfWeek);
