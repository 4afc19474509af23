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
