using Wrapped.Core.Wrapped;
using static Wrapped.Core.Tests.Wrapped.HandCatalog;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class ListenerClockTests
{
    [Theory]
    [InlineData("Europe/Paris")]
    [InlineData("America/New_York")]
    [InlineData("Australia/Lord_Howe")]
    [InlineData("Asia/Kolkata")]
    [InlineData("Pacific/Honolulu")]
    public void ToLocalMilliseconds_InstantsAcrossYears_AgreeWithTheSystemsTimeZoneData(string zone)
    {
        // An independent oracle: .NET's TimeZoneInfo over the system's tzdata, not NodaTime's tables.
        var system = TimeZoneInfo.FindSystemTimeZoneById(zone);
        var clock = ListenerClock.For(zone);
        var random = new Random(5);
        var at = DateTimeOffset.Parse("2023-01-01T00:00:00Z").ToUnixTimeMilliseconds();
        for (var i = 0; i < 5_000; i++)
        {
            // Mostly forwards, sometimes back (a clock must not depend on the order it is asked in).
            at += random.Next(-2, 10) * 3_600_000L + random.Next(3_600_000);
            var expected = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(at), system);
            var expectedLocal = new DateTimeOffset(expected.DateTime, TimeSpan.Zero).ToUnixTimeMilliseconds();
            Assert.True(expectedLocal == clock.ToLocalMilliseconds(at), $"{zone} at {DateTimeOffset.FromUnixTimeMilliseconds(at):O}: expected {expected:O}");
        }
        Assert.Equal(zone, clock.ZoneId);
    }

    [Fact]
    public void Summaries_ListenerInNewYork_YearMonthHourAndWeekdayAreLocal()
    {
        using var aggregator = new WrappedAggregator(Hand, _ => ListenerClock.For("America/New_York"));
        // 2025-01-01T03:00Z is 22:00 on Tuesday 31 December 2024 in New York (UTC−5).
        aggregator.Add(1, Ms("2025-01-01T03:00:00Z"), Index(Hand, "t1"), 60_000);
        // 2025-07-01T03:30Z is 23:30 on Monday 30 June 2025 (UTC−4, summer time).
        aggregator.Add(1, Ms("2025-07-01T03:30:00Z"), Index(Hand, "t2"), 60_000);

        var summaries = aggregator.Summaries();

        Assert.Equal([2024, 2025], summaries.Select(s => s.Year));
        Assert.All(summaries, s => Assert.Equal("America/New_York", s.TimeZone));
        Assert.Equal(1, summaries[0].PlaysByHour[22]);
        Assert.Equal(1, summaries[0].PlaysByWeekday[1]);
        Assert.Equal(60_000, summaries[0].ListeningTimeMsByMonth[11]);
        Assert.Equal(1, summaries[1].PlaysByHour[23]);
        Assert.Equal(1, summaries[1].PlaysByWeekday[0]);
        Assert.Equal(60_000, summaries[1].ListeningTimeMsByMonth[5]);
        // The first and last plays stay instants (UTC milliseconds).
        Assert.Equal(Ms("2025-07-01T03:30:00Z"), summaries[1].FirstPlayMs);
    }
}
