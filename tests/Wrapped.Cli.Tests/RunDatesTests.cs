using System.Globalization;
using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary>No event is ever in the future, and a run that cannot fit on the disk is refused before it starts.</summary>
public sealed class RunDatesTests
{
    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    public static TheoryData<string, string> FutureRanges => new()
    {
        { Day(TodayUtc.AddDays(-2)), Day(TodayUtc) },
        { Day(TodayUtc.AddDays(-1)), Day(TodayUtc.AddDays(1)) },
        { "2099-12-30", "2099-12-31" },
    };

    [Theory]
    [MemberData(nameof(FutureRanges))]
    public async Task Run_EndAfterYesterday_ExitsTwoNamingTheLatestDayWithoutWritingAnything(string start, string end)
    {
        using var output = new TempFolder("future-end");

        var result = await CliRunner.RunAsync("run", "--users", "2", "--start", start, "--end", end, "--out", output.Combine("out"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("--end", line, StringComparison.Ordinal);
        Assert.Contains(Day(TodayUtc.AddDays(-1)), line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("out")));
    }

    [Fact]
    public async Task Simulate_EndAfterYesterday_ExitsTwo()
    {
        using var output = new TempFolder("future-simulate");

        var result = await CliRunner.RunAsync("simulate", "--catalog", output.Path, "--users", "2", "--end", Day(TodayUtc), "--out", output.Combine("out"));

        Assert.Contains("--end", CliAssert.OneLineRejection(result), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoStart_BeginsOnTheFirstOfJanuaryOfTheEndsYear()
    {
        using var output = new TempFolder("default-start");

        var result = await CliRunner.RunAsync("run", "--users", "1", "--end", "2025-01-03", "--out", output.Path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, result.Json().GetProperty("days").GetInt32());
    }

    [Fact]
    public async Task Run_FarLargerThanTheFreeDiskSpace_IsRefusedBeforeWritingAnything()
    {
        using var output = new TempFolder("disk");
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        // Ten million users over ten years: over a trillion events, terabytes at any compression.
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var exitCode = await CliApplication.RunAsync(
            ["run", "--users", "10000000", "--start", "2016-01-01", "--end", "2025-12-31", "--out", output.Combine("out")], stdout, stderr, patience.Token);

        var line = CliAssert.OneLineRejection(new CliResult(exitCode, stdout.ToString(), stderr.ToString()));
        Assert.Contains("free", line, StringComparison.Ordinal);
        Assert.Contains("events", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("out")));
    }
}
