using Wrapped.Core.Wrapped;
using static Wrapped.Core.Tests.Wrapped.HandCatalog;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class WrappedAggregatorStatisticsTests
{
    // User 1: the last millisecond of 2024, then plays from the first millisecond of 2025, across a midnight.
    private static List<WrappedSummaryRecord> Summarize()
    {
        using var aggregator = new WrappedAggregator(Hand);
        aggregator.Add(1, Ms("2024-12-31T23:59:59.999Z"), Index(Hand, "t1"), 200_000);
        aggregator.Add(1, Ms("2025-01-01T00:00:00.000Z"), Index(Hand, "t1"), 50_000);
        aggregator.Add(1, Ms("2025-01-01T00:10:00.000Z"), Index(Hand, "t2"), 100_000);
        aggregator.Add(1, Ms("2025-01-01T13:00:00.000Z"), Index(Hand, "t3"), 300_000);
        aggregator.Add(1, Ms("2025-01-02T00:00:01.000Z"), Index(Hand, "t4"), 60_000);
        return aggregator.Summaries(_ => "FNLC");
    }

    [Fact]
    public void Summaries_PlaysAcrossAYearBoundary_OneSummaryPerCalendarYear()
    {
        var summaries = Summarize();

        Assert.Equal([2024, 2025], summaries.Select(s => s.Year));
        Assert.All(summaries, s => Assert.Equal(1, s.UserId));
        Assert.All(summaries, s => Assert.Equal("UTC", s.TimeZone));
        Assert.Equal(1, summaries[0].Plays);
        Assert.Equal(4, summaries[1].Plays);
    }

    [Fact]
    public void Summaries_LastMillisecondOfTheYear_CountsInDecemberAtHour23OnTuesday()
    {
        var last2024 = Summarize()[0];

        Assert.Equal(200_000, last2024.ListeningTimeMs);
        Assert.Equal(200_000, last2024.ListeningTimeMsByMonth[11]);
        Assert.Equal(200_000, last2024.ListeningTimeMsByMonth.Sum());
        Assert.Equal(1, last2024.PlaysByHour[23]);
        Assert.Equal(1, last2024.PlaysByHour.Sum());
        // 2024-12-31 was a Tuesday: index 1, Monday first.
        Assert.Equal(1, last2024.PlaysByWeekday[1]);
        Assert.Equal(Ms("2024-12-31T23:59:59.999Z"), last2024.FirstPlayMs);
        Assert.Equal(Ms("2024-12-31T23:59:59.999Z"), last2024.LastPlayMs);
    }

    [Fact]
    public void Summaries_Year_MinutesPlaysSkipsAndSkipRate()
    {
        var year = Summarize()[1];

        Assert.Equal(510_000, year.ListeningTimeMs);
        // 8.5 minutes round half up.
        Assert.Equal(9, year.MinutesListened);
        // t1 played 50 s of its 200 s; the others to their end.
        Assert.Equal(1, year.Skips);
        Assert.Equal(0.25, year.SkipRate);
        Assert.Equal(4, year.DistinctTracks);
        Assert.Equal(3, year.DistinctArtists);
        Assert.Equal(Ms("2025-01-01T00:00:00.000Z"), year.FirstPlayMs);
        Assert.Equal(Ms("2025-01-02T00:00:01.000Z"), year.LastPlayMs);
    }

    [Fact]
    public void Summaries_PlaysEitherSideOfMidnight_CountInTheirOwnHourAndWeekday()
    {
        var year = Summarize()[1];

        long[] hours = new long[24];
        hours[0] = 3;
        hours[13] = 1;
        Assert.Equal(hours, year.PlaysByHour);
        // Wednesday 1 January three times, Thursday 2 January once.
        Assert.Equal([0L, 0, 3, 1, 0, 0, 0], year.PlaysByWeekday);
        Assert.Equal([510_000L, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], year.ListeningTimeMsByMonth);
    }

    [Fact]
    public void Summaries_TopLists_ByListeningTimeWithArtistsAndGenresSummedOverTracks()
    {
        var year = Summarize()[1];

        Assert.Equal(["t3", "t2", "t4", "t1"], year.TopTracks.Select(t => t.Id));
        Assert.Equal([300_000L, 100_000, 60_000, 50_000], year.TopTracks.Select(t => t.ListeningTimeMs));
        Assert.Equal("Song t3", year.TopTracks[0].Name);
        Assert.Equal("Artist a2", year.TopTracks[0].Detail);
        Assert.Equal(["a2", "a1", "a3"], year.TopArtists.Select(a => a.Id));
        Assert.Equal([300_000L, 150_000, 60_000], year.TopArtists.Select(a => a.ListeningTimeMs));
        Assert.Equal([1L, 2, 1], year.TopArtists.Select(a => a.Plays));
        // t4 has no genre: it counts towards none.
        Assert.Equal(["pop", "rock"], year.TopGenres.Select(g => g.Id));
        Assert.Equal([300_000L, 150_000], year.TopGenres.Select(g => g.ListeningTimeMs));
    }

    [Fact]
    public void Summaries_Scores_FamiliarityCountsArtistsHeardInThePreviousYear()
    {
        var summaries = Summarize();

        // 2025: t1 and t2 are by a1, heard in 2024; t3 and t4 are by new artists.
        Assert.Equal(0.5, summaries[1].Scores.Familiarity);
        Assert.Equal(0, summaries[0].Scores.Familiarity);
        Assert.Equal((0.1 + 0.9 + 0.5 + 0.3) / 4, summaries[1].Scores.Newness, 12);
        Assert.Equal(0.1, summaries[0].Scores.Newness, 12);
        // 2025: t1 repeats the track before it (across the new year), t2 its artist; t3 and t4 neither.
        Assert.Equal(0.5, summaries[1].Scores.Loyalty);
        Assert.Equal(0, summaries[0].Scores.Loyalty);
        Assert.All(summaries, s => Assert.Equal("", s.Personality));
        Assert.All(summaries, s => Assert.Equal("FNLC", s.GeneratedPersonality));
    }

    [Fact]
    public void Summaries_TiesOnListeningTime_BrokenById()
    {
        var rows = Enumerable.Range(0, 7).Select(i => Track($"x{i}", $"b{i % 3}", 100_000, 50, 0.5, $"g{i % 2}"))
            .Append(Track("x10", "b9", 100_000, 50, 0.5, "g1")).ToList();
        var catalog = WrappedCatalog.Create(rows);
        using var aggregator = new WrappedAggregator(catalog);
        var at = Ms("2025-03-01T10:00:00Z");
        // Every track played for the same time, in reverse id order.
        foreach (var id in new[] { "x6", "x5", "x4", "x3", "x2", "x10", "x1", "x0" })
        {
            aggregator.Add(7, at += 1000, catalog.Tracks.TrackIndex(id), 60_000);
        }

        var year = Assert.Single(aggregator.Summaries());

        // Ordinal: "x10" sorts between "x1" and "x2". Only five are kept.
        Assert.Equal(["x0", "x1", "x10", "x2", "x3"], year.TopTracks.Select(t => t.Id));
        // b0 has x0, x3, x6; b1 has x1, x4; b2 has x2, x5; b9 has x10.
        Assert.Equal(["b0", "b1", "b2", "b9"], year.TopArtists.Select(a => a.Id));
        Assert.Equal(["g0", "g1"], year.TopGenres.Select(g => g.Id));
        Assert.Equal(8, year.DistinctTracks);
    }

    [Fact]
    public void Add_PlayBeforeTheListenersPreviousOne_IsRefused()
    {
        using var aggregator = new WrappedAggregator(Hand);
        aggregator.Add(1, Ms("2025-01-02T00:00:00Z"), 0, 1000);
        aggregator.Add(2, Ms("2025-01-01T00:00:00Z"), 0, 1000);

        var error = Assert.Throws<InvalidDataException>(() => aggregator.Add(1, Ms("2025-01-01T23:00:00Z"), 0, 1000));

        Assert.Contains("user 1", error.Message, StringComparison.Ordinal);
        Assert.Contains("date order", error.Message, StringComparison.Ordinal);
    }
}
