using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_SmallRunWithJson_PrintsCountsAndValidates()
    {
        using var output = new TempFolder("run");

        var result = await CliRunner.RunAsync("run", "--users", "20", "--start", "2025-01-01", "--end", "2025-01-05", "--out", output.Path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        var runId = json.GetProperty("runId").GetString()!;
        Assert.Equal(20, json.GetProperty("users").GetInt64());
        Assert.Equal(5, json.GetProperty("days").GetInt32());
        Assert.True(json.GetProperty("events").GetInt64() > 20 * 5 * 10);
        var runFolder = output.Combine("runs", runId);
        Assert.True(File.Exists(Path.Combine(runFolder, "_SUCCESS")));

        var validation = await CliRunner.RunAsync("validate", runFolder, "--json");
        Assert.True(validation.ExitCode == 0, validation.ToString());
        Assert.Equal("valid", validation.Json().GetProperty("status").GetString());
    }

    [Fact]
    public async Task Run_Clusters_RecordedInTheManifestAndAnotherRunThanTheDefault()
    {
        using var output = new TempFolder("clusters");
        string[] common = ["run", "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--out", output.Path, "--json"];

        var asDefault = await CliRunner.RunAsync(common);
        var four = await CliRunner.RunAsync([.. common, "--clusters", "4"]);

        Assert.True(four.ExitCode == 0, four.ToString());
        var runId = four.Json().GetProperty("runId").GetString()!;
        Assert.NotEqual(asDefault.Json().GetProperty("runId").GetString(), runId);
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(output.Combine("runs", runId, "_manifest.json")));
        Assert.Equal(4, manifest.RootElement.GetProperty("parameters").GetProperty("clusters").GetInt32());
    }

    [Fact]
    public async Task Run_DefaultEnd_NoEventInTheFuture()
    {
        using var output = new TempFolder("future");
        var yesterday = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

        var result = await CliRunner.RunAsync("run", "--users", "4", "--start", yesterday.AddDays(-1).ToString("yyyy-MM-dd"), "--out", output.Path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = output.Combine("runs", result.Json().GetProperty("runId").GetString()!);
        var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        var startOfToday = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var timestamps = Directory.EnumerateFiles(Path.Combine(runFolder, "events"), "*.avro", SearchOption.AllDirectories)
            .SelectMany(file =>
            {
                using var stream = File.OpenRead(file);
                return Core.Avro.EventRecordCodec.ReadAll(stream).Select(e => e.TimestampMs).ToList();
            })
            .ToList();
        Assert.NotEmpty(timestamps);
        Assert.All(timestamps, t => Assert.True(t < startOfToday && t < now, $"event at {DateTimeOffset.FromUnixTimeMilliseconds(t):O} is not before today"));
    }

    [Fact]
    public async Task Validate_TamperedEventFile_ExitsTwoNamingTheFile()
    {
        using var output = new TempFolder("tamper");
        var run = await CliRunner.RunAsync("run", "--users", "3", "--start", "2025-01-01", "--end", "2025-01-02", "--out", output.Path, "--json");
        var runFolder = output.Combine("runs", run.Json().GetProperty("runId").GetString()!);
        var victim = Path.Combine(runFolder, "events", "date=2025-01-02", "part-00000.avro");
        var bytes = File.ReadAllBytes(victim);
        bytes[^20] ^= 0xFF;
        File.WriteAllBytes(victim, bytes);

        var validation = await CliRunner.RunAsync("validate", runFolder);

        Assert.Equal(2, validation.ExitCode);
        Assert.Contains("events/date=2025-01-02/part-00000.avro", validation.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--users", "0")]
    [InlineData("--users", "-5")]
    [InlineData("--parallelism", "0")]
    public async Task Run_NonPositiveNumber_ExitsTwoWithoutWritingAnything(string option, string value)
    {
        using var output = new TempFolder("bad-number");

        var result = await CliRunner.RunAsync("run", option, value, "--out", output.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(option, result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("out")));
    }

    [Fact]
    public async Task Run_EndBeforeStart_ExitsTwoWithoutWritingAnything()
    {
        using var output = new TempFolder("bad-dates");

        var result = await CliRunner.RunAsync("run", "--start", "2025-02-01", "--end", "2025-01-01", "--out", output.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("before start", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("out")));
    }

    [Fact]
    public async Task Run_BadDate_ExitsTwo()
    {
        var result = await CliRunner.RunAsync("run", "--start", "01/02/2025");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("yyyy-MM-dd", result.Stderr, StringComparison.Ordinal);
    }
}
