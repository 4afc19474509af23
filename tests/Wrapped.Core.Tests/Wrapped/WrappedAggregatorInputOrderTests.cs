using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class WrappedAggregatorInputOrderTests
{
    // Twelve listeners over ten days that cross a new year.
    private static readonly SimulatedListening Listening = new(12, new DateOnly(2024, 12, 27), 10);

    [Fact]
    public void Summaries_FilesCutIntoOtherPartsOrReadInAnotherOrderWithinADay_AreTheSame()
    {
        var oneFileADay = Json(Listening.Summaries(partSize: 12));

        Assert.Equal(oneFileADay, Json(Listening.Summaries(partSize: 5)));
        Assert.Equal(oneFileADay, Json(Listening.Summaries(partSize: 3, reversePartsWithinDay: true)));
        Assert.Equal(oneFileADay, Json(Listening.Summaries(partSize: 1, reversePartsWithinDay: true, codec: AvroCodecOptions.Parse("null"))));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(37)]
    [InlineData(1_000)]
    public void Summaries_PlaysAggregatedInWindowsOfAnySize_AreTheSame(int windowPlays)
    {
        // The default window holds the whole input: every listener's plays are aggregated in one go.
        var oneWindow = Json(Listening.Summaries(partSize: 5));

        Assert.True(Listening.Plays < WrappedAggregator.DefaultWindowPlays);
        Assert.Equal(oneWindow, Json(Listening.Summaries(partSize: 5, windowPlays: windowPlays)));
    }

    [Fact]
    public void AddEventFile_ARefusedFileBetweenOthers_LeavesTheSummariesAsWithoutIt()
    {
        using var clean = new WrappedAggregator(Listening.Catalog);
        using var interrupted = new WrappedAggregator(Listening.Catalog);
        var refused = AFileOfALaterDayRefusedAtItsLastPlay();

        for (var d = 0; d < Listening.Dates.Length; d++)
        {
            foreach (var (path, bytes) in Listening.DayFiles(Listening.Dates[d], 12))
            {
                clean.AddEventFile(bytes, path);
                interrupted.AddEventFile(bytes, path);
            }
            if (d == 4) Assert.Throws<InvalidDataException>(() => interrupted.AddEventFile(refused, "refused.avro"));
        }

        Assert.Equal(clean.Plays, interrupted.Plays);
        Assert.Equal(Json(clean.Summaries()), Json(interrupted.Summaries()));
    }

    [Fact]
    public void AddEventFile_ARefusedFileLargerThanTheWindow_LeavesTheAggregatorUnusable()
    {
        // Memory stays bounded: such a file is aggregated as it is read, so it cannot be undone when refused.
        using var aggregator = new WrappedAggregator(Listening.Catalog, clockOf: null, windowPlays: 50);
        var refused = AFileOfALaterDayRefusedAtItsLastPlay();
        foreach (var (path, bytes) in Listening.DayFiles(Listening.Dates[0], 12)) aggregator.AddEventFile(bytes, path);

        var refusal = Assert.Throws<InvalidDataException>(() => aggregator.AddEventFile(refused, "refused.avro"));
        var (nextPath, next) = Listening.DayFiles(Listening.Dates[9], 12).Single();
        var unusable = Assert.Throws<InvalidOperationException>(() => aggregator.AddEventFile(next, nextPath));

        Assert.Contains("not-in-the-catalog", refusal.Message, StringComparison.Ordinal);
        Assert.Contains("refused.avro was refused after part of it had been aggregated", unusable.Message, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => aggregator.Summaries());
    }

    // A file of a later day whose last play names an unknown track: refused only after every listener in it has been
    // taken up to that later day, which must be forgotten, or the next real day would go back in time.
    private static byte[] AFileOfALaterDayRefusedAtItsLastPlay()
    {
        var later = Listening.DayPlays(Listening.Dates[8]).ToList();
        Assert.True(later.Count > 50);
        later[^1] = (later[^1].Event, "not-in-the-catalog");
        return Core.Tests.Avro.AvroTestFiles.Events(later);
    }

    [Fact]
    public void Summaries_TenDaysAcrossANewYear_EveryPlayCountedOnceInItsYear()
    {
        var summaries = Listening.Summaries(partSize: 5);

        Assert.Equal(Listening.Plays, summaries.Sum(s => s.Plays));
        Assert.Equal(12, summaries.Count(s => s.Year == 2024));
        Assert.Equal(12, summaries.Count(s => s.Year == 2025));
        Assert.All(summaries, s => Assert.Equal(s.Plays, s.PlaysByHour.Sum()));
        Assert.All(summaries, s => Assert.Equal(s.Plays, s.PlaysByWeekday.Sum()));
        Assert.All(summaries, s => Assert.Equal(s.ListeningTimeMs, s.ListeningTimeMsByMonth.Sum()));
        // 27–31 December and 1–5 January: only those months have listening.
        Assert.All(summaries.Where(s => s.Year == 2024), s => Assert.Equal(s.ListeningTimeMs, s.ListeningTimeMsByMonth[11]));
        Assert.All(summaries.Where(s => s.Year == 2025), s => Assert.Equal(s.ListeningTimeMs, s.ListeningTimeMsByMonth[0]));
    }

    [Fact]
    public void AddEventFile_ADayBeforeOneAlreadyRead_IsRefusedNamingTheFile()
    {
        using var aggregator = new WrappedAggregator(Listening.Catalog);
        foreach (var (path, bytes) in Listening.DayFiles(Listening.Dates[1], 12)) aggregator.AddEventFile(bytes, path);
        var (earlierPath, earlier) = Listening.DayFiles(Listening.Dates[0], 12).Single();

        var error = Assert.Throws<InvalidDataException>(() => aggregator.AddEventFile(earlier, earlierPath));

        Assert.Contains(earlierPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("date order", error.Message, StringComparison.Ordinal);
    }

    private static List<string> Json(List<WrappedSummaryRecord> summaries) =>
        summaries.Select(s => System.Text.Encoding.UTF8.GetString(FeedJson.Serialize(s))).ToList();
}
