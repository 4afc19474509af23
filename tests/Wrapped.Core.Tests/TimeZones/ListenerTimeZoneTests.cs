using NodaTime;
using NodaTime.TimeZones;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Tests.TimeZones;

/// <summary>The offset tables against NodaTime's own zone arithmetic, zone by zone, on the days clocks change and around them.</summary>
public sealed class ListenerTimeZoneTests
{
    // DST north and south, a DST change at midnight (Santiago), a 30-minute DST (Lord Howe), a half-hour offset without
    // DST (Kolkata), a 45-minute offset (Chatham), a zone that dropped DST (Sao Paulo, 2019), and UTC.
    public static TheoryData<string> Zones => new(
        "Europe/London", "America/New_York", "Australia/Sydney", "America/Santiago", "Australia/Lord_Howe",
        "Asia/Kolkata", "Pacific/Chatham", "America/Sao_Paulo", "Pacific/Honolulu", "UTC");

    [Theory]
    [MemberData(nameof(Zones))]
    public void Day_EveryDayOf2018To2027_MatchesNodaTimeStartOfDay(string id)
    {
        var zone = ListenerTimeZone.Get(id);
        var noda = DateTimeZoneProviders.Tzdb[id];
        var lengths = new HashSet<long>();
        for (var date = new DateOnly(2018, 1, 1); date < new DateOnly(2028, 1, 1); date = date.AddDays(1))
        {
            var day = zone.Day(date);
            var start = noda.AtStartOfDay(LocalDate.FromDateOnly(date)).ToInstant().ToUnixTimeMilliseconds();
            var end = noda.AtStartOfDay(LocalDate.FromDateOnly(date.AddDays(1))).ToInstant().ToUnixTimeMilliseconds();

            Assert.True(start == day.StartUtcMs, $"{id} {date}: start {day.StartUtcMs}, NodaTime {start}");
            Assert.True(end == day.EndUtcMs, $"{id} {date}: end {day.EndUtcMs}, NodaTime {end}");
            Assert.Equal(date.DayNumber - new DateOnly(1970, 1, 1).DayNumber, day.DaysSinceEpoch);
            lengths.Add(day.LengthMs);
        }
        // Not vacuous: the zones with DST had their 23- and 25-hour days (Lord Howe's are 23.5 and 24.5 hours).
        if (id is "Europe/London" or "America/New_York" or "Australia/Sydney" or "America/Santiago")
        {
            Assert.Equal([23 * ListenerTimeZone.MsPerHour, 24 * ListenerTimeZone.MsPerHour, 25 * ListenerTimeZone.MsPerHour], lengths.Order());
        }
    }

    [Theory]
    [MemberData(nameof(Zones))]
    public void MomentAt_RandomInstants1971To2149_MatchesNodaTime(string id)
    {
        var zone = ListenerTimeZone.Get(id);
        var noda = DateTimeZoneProviders.Tzdb[id];
        var random = new Random(20251129);
        var from = Instant.FromUtc(1971, 1, 1, 0, 0).ToUnixTimeMilliseconds();
        var to = Instant.FromUtc(2149, 6, 1, 0, 0).ToUnixTimeMilliseconds();
        for (var i = 0; i < 20_000; i++)
        {
            var ms = random.NextInt64(from, to);
            var local = Instant.FromUnixTimeMilliseconds(ms).InZone(noda).LocalDateTime;

            var moment = zone.MomentAt(ms);

            Assert.Equal(local.Date.ToDateOnly(), moment.Date);
            Assert.Equal(local.Hour, moment.Hour);
            Assert.Equal(local.Date.ToDateOnly().DayOfWeek, moment.DayOfWeek);
            Assert.Equal(local.Date.ToDateOnly(), zone.LocalDateAt(ms));
        }
    }

    [Theory]
    [InlineData("Europe/London", 2025, 3, 30)]   // 01:00 → 02:00
    [InlineData("Europe/London", 2025, 10, 26)]  // 02:00 → 01:00
    [InlineData("America/Santiago", 2024, 9, 8)] // 00:00 → 01:00: the day starts at 01:00
    [InlineData("America/Santiago", 2025, 4, 5)] // 24:00 → 23:00: the day ends at the second midnight
    [InlineData("Australia/Lord_Howe", 2025, 4, 6)]
    [InlineData("Australia/Lord_Howe", 2025, 10, 5)]
    [InlineData("Asia/Kolkata", 2025, 6, 1)]
    public void ElapsedAtWallClock_EveryMinuteOfAChangeDay_IsNodaTimesLenientResolution(string id, int year, int month, int dayOfMonth)
    {
        var zone = ListenerTimeZone.Get(id);
        var noda = DateTimeZoneProviders.Tzdb[id];
        var date = new DateOnly(year, month, dayOfMonth);
        var day = zone.Day(date);
        var hint = 0;
        for (var minute = 0; minute < 24 * 60; minute++)
        {
            var wall = LocalDate.FromDateOnly(date).AtMidnight().PlusMinutes(minute);
            var expected = noda.ResolveLocal(wall, Resolvers.LenientResolver).ToInstant().ToUnixTimeMilliseconds() - day.StartUtcMs;

            var elapsed = zone.ElapsedAtWallClock(day, minute * 60_000L, ref hint);

            Assert.True(expected == elapsed, $"{id} {wall}: elapsed {elapsed}, NodaTime {expected}");
        }
    }

    [Fact]
    public void Get_UnknownZone_ThrowsNamingIt()
    {
        var error = Assert.Throws<ArgumentException>(() => ListenerTimeZone.Get("Mars/Olympus_Mons"));

        Assert.Contains("'Mars/Olympus_Mons'", error.Message);
        Assert.False(ListenerTimeZone.Exists("Mars/Olympus_Mons"));
        Assert.True(ListenerTimeZone.Exists("Asia/Kolkata"));
    }

    [Fact]
    public void Get_SameId_IsOneSharedInstance()
    {
        Assert.Same(ListenerTimeZone.Get("Europe/Paris"), ListenerTimeZone.Get("Europe/Paris"));
        Assert.Equal("UTC", ListenerTimeZone.Utc.Id);
    }

    [Fact]
    public void DatabaseVersion_IsNodaTimesEmbeddedTzdb()
    {
        Assert.Matches("^[0-9]{4}[a-z]$", ListenerTimeZone.DatabaseVersion);
        Assert.StartsWith($"TZDB: {ListenerTimeZone.DatabaseVersion}", DateTimeZoneProviders.Tzdb.VersionId);
    }
}
