using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Wrapped;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class LocalWrappedTests
{
    private static readonly DateOnly Start = new(2024, 12, 20);

    [Fact]
    public async Task Run_TwoRunsOfTheSameParameters_ByteIdenticalWrappedFilesListedInTheManifest()
    {
        // Across a new year: two summaries a user.
        var parameters = LocalRun.Parameters(users: 11, Start, Start.AddDays(19), partSize: 4);
        using var a = new TempFolder("wrapped-a");
        using var b = new TempFolder("wrapped-b");

        var outcome = await LocalRun.RunAsync(a.Path, parameters, new RunSchedule(4, 2));
        await LocalRun.RunAsync(b.Path, parameters, new RunSchedule(8, 1));

        var first = Wrapped(LocalRun.Feed(a.Path, parameters));
        Assert.Equal(["wrapped/part-00000.avro", "wrapped/part-00001.avro", "wrapped/part-00002.avro"], first.Keys);
        FeedAssert.SameFiles(first, Wrapped(LocalRun.Feed(b.Path, parameters)));
        var listed = outcome.Manifest.Files.Where(f => f.Path.StartsWith("wrapped/", StringComparison.Ordinal)).ToList();
        Assert.Equal(first.Keys, listed.Select(f => f.Path));
        Assert.Equal(22, listed.Sum(f => f.Records));
        var agreement = Assert.IsType<PersonalityAgreement>(outcome.Manifest.PersonalityAgreement);
        Assert.Equal(22, agreement.Compared);
        Assert.InRange(agreement.ExactMatch, 0, Math.Min(Math.Min(agreement.FamiliarityExploration, agreement.TimelessnessNewness), Math.Min(agreement.LoyaltyVariety, agreement.CommonalityUniqueness)));
    }

    [Fact]
    public async Task Run_OtherPartSize_SameSummaryForEveryUserAndYear()
    {
        // The reference model: every user listens every day, so each has a summary for both years.
        var parameters = LocalRun.Parameters(users: 10, Start, Start.AddDays(14), partSize: 3).WithModel(Core.Simulation.Model.ListeningModel.Reference);
        using var a = new TempFolder("parts3");
        using var b = new TempFolder("parts10");

        await LocalRun.RunAsync(a.Path, parameters, new RunSchedule(3, 2));
        await LocalRun.RunAsync(b.Path, parameters with { PartSize = 10 }, new RunSchedule(10, 1));

        var three = Summaries(a.Path, parameters);
        var one = Summaries(b.Path, parameters);
        Assert.Equal(20, three.Count);
        Assert.Equal(three.Select(Json), one.Select(Json));
        Assert.All(three, s => Assert.Matches("^[FE][TN][LV][CU]$", s.Personality));
    }

    [Fact]
    public async Task Validate_FinishedRun_IsValidAndAMissingWrappedPartIsReported()
    {
        var parameters = LocalRun.Parameters(users: 6, Start, Start.AddDays(3), partSize: 3);
        using var folder = new TempFolder("validate");
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(3, 2));
        var store = new LocalFeedStore(Path.Combine(folder.Path, "runs", parameters.RunId));
        var layout = new FeedLayout(parameters.RunId);

        Assert.Empty((await RunValidator.ValidateAsync(store, CancellationToken.None)).Problems);
        File.Delete(Path.Combine(folder.Path, layout.WrappedPart(1)));

        var problems = (await RunValidator.ValidateAsync(store, CancellationToken.None)).Problems;
        Assert.Contains("wrapped/part-00001.avro is listed in the manifest but missing.", problems);
    }

    [Fact]
    public async Task ClassifyPart_MediansOfAnEarlierEnd_AreRefused()
    {
        var parameters = LocalRun.Parameters(users: 4, Start, Start.AddDays(2), partSize: 4);
        using var folder = new TempFolder("stale");
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(4, 1));
        var store = new LocalFeedStore(folder.Path);
        var layout = new FeedLayout(parameters.RunId);

        var error = await Assert.ThrowsAsync<FeedInputException>(() =>
            WrappedStep.ClassifyPartAsync(store, layout, parameters with { End = Start.AddDays(3) }, 0, CancellationToken.None));

        Assert.Contains("medians", error.Message, StringComparison.Ordinal);
        Assert.False(await WrappedStep.IsCurrentAsync(store, layout, parameters with { End = Start.AddDays(3) }, CancellationToken.None));
        Assert.True(await WrappedStep.IsCurrentAsync(store, layout, parameters, CancellationToken.None));
    }

    [Fact]
    public async Task ComputeMedians_PartsReadSideBySide_SameAsEveryPartsScoresInOrder()
    {
        var parameters = LocalRun.Parameters(users: 13, Start, Start.AddDays(15), partSize: 3);
        using var folder = new TempFolder("medians");
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(3, 2));
        var store = new LocalFeedStore(folder.Path);
        var layout = new FeedLayout(parameters.RunId);
        var scores = new List<(int Year, ListeningScores Scores)>();
        for (var part = 0; part < parameters.PartCount; part++)
        {
            var summaries = await store.ReadAvroAsync(layout.WrappedScoresPart(part), WrappedSummaryRecordCodec.ReadAll, CancellationToken.None);
            scores.AddRange(summaries.Select(s => (s.Year, s.Scores)));
        }

        var medians = await WrappedStep.ComputeMediansAsync(store, layout, parameters, CancellationToken.None);

        Assert.Equal(5, parameters.PartCount);
        Assert.Equal(PersonalityMedians.Of(scores), medians.Years);
        Assert.Equal(scores.Count, medians.Years.Sum(y => y.Listeners));
    }

    [Fact]
    public async Task ComputeMedians_AScoresFileMissing_NamesIt()
    {
        var parameters = LocalRun.Parameters(users: 9, Start, Start.AddDays(2), partSize: 3);
        using var folder = new TempFolder("medians-missing");
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(3, 2));
        var store = new LocalFeedStore(folder.Path);
        var layout = new FeedLayout(parameters.RunId);
        File.Delete(Path.Combine(folder.Path, layout.WrappedScoresPart(1)));

        var error = await Assert.ThrowsAsync<FeedInputException>(() => WrappedStep.ComputeMediansAsync(store, layout, parameters, CancellationToken.None));

        Assert.Contains(layout.WrappedScoresPart(1), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RealisticModel_HoursWeekdaysAndMonthsAreEachListenersLocalTime()
    {
        var parameters = LocalRun.Parameters(users: 24, Start, Start.AddDays(20), partSize: 8);
        using var folder = new TempFolder("local-hours");
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(8, 2));
        var run = Path.Combine(folder.Path, "runs", parameters.RunId);

        // The expectation from the files alone, with .NET's TimeZoneInfo over the system's tzdata (not NodaTime's tables).
        var zones = Directory.EnumerateFiles(Path.Combine(run, "users")).SelectMany(file =>
        {
            using var stream = File.OpenRead(file);
            return UserRecordCodec.ReadAll(stream).ToList();
        }).ToDictionary(u => u.UserId, u => TimeZoneInfo.FindSystemTimeZoneById(u.TimeZone));
        Assert.True(zones.Values.Select(z => z.Id).Distinct().Count() > 3, "the realistic model puts listeners in several zones");
        var expected = new Dictionary<(long User, int Year), (long[] Hours, long[] Weekdays, long[] MonthsMs)>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(run, "events"), "*.avro", SearchOption.AllDirectories))
        {
            using var stream = File.OpenRead(file);
            foreach (var play in EventRecordCodec.ReadAll(stream))
            {
                var local = TimeZoneInfo.ConvertTime(DateTimeOffset.FromUnixTimeMilliseconds(play.TimestampMs), zones[play.UserId]).DateTime;
                var key = (play.UserId, local.Year);
                if (!expected.TryGetValue(key, out var year)) expected[key] = year = (new long[24], new long[7], new long[12]);
                year.Hours[local.Hour]++;
                year.Weekdays[((int)local.DayOfWeek + 6) % 7]++;
                year.MonthsMs[local.Month - 1] += play.ListeningTimeMs;
            }
        }

        var summaries = Summaries(folder.Path, parameters);
        Assert.Equal(expected.Keys.Order(), summaries.Select(s => (s.UserId, s.Year)));
        foreach (var summary in summaries)
        {
            var year = expected[(summary.UserId, summary.Year)];
            Assert.Equal(zones[summary.UserId].Id, summary.TimeZone);
            Assert.Equal(year.Hours, summary.PlaysByHour);
            Assert.Equal(year.Weekdays, summary.PlaysByWeekday);
            Assert.Equal(year.MonthsMs, summary.ListeningTimeMsByMonth);
        }
    }

    private static SortedDictionary<string, byte[]> Wrapped(SortedDictionary<string, byte[]> feed) =>
        new(feed.Where(f => f.Key.StartsWith("wrapped/", StringComparison.Ordinal)).ToDictionary(), StringComparer.Ordinal);

    private static List<WrappedSummaryRecord> Summaries(string folder, RunParameters parameters) =>
        Directory.EnumerateFiles(Path.Combine(folder, "runs", parameters.RunId, "wrapped"))
            .SelectMany(file =>
            {
                using var stream = File.OpenRead(file);
                return WrappedSummaryRecordCodec.ReadAll(stream).ToList();
            })
            .OrderBy(s => s.UserId).ThenBy(s => s.Year).ToList();

    private static string Json(WrappedSummaryRecord summary) => System.Text.Encoding.UTF8.GetString(FeedJson.Serialize(summary));
}
