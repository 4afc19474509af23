using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary>One small finished run, shared by the tests of the <c>wrapped</c> verb.</summary>
public sealed class WrappedRunFixture : IAsyncLifetime, IDisposable
{
    private readonly TempFolder _output = new("wrapped-cli");

    public string RunFolder { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var result = await CliRunner.RunAsync("run", "--users", "6", "--start", "2024-12-28", "--end", "2025-01-04", "--part-size", "4", "--out", _output.Path, "--json");
        Assert.True(result.ExitCode == 0, result.ToString());
        RunFolder = _output.Combine("runs", result.Json().GetProperty("runId").GetString()!);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _output.Dispose();
}

public sealed class WrappedCommandTests(WrappedRunFixture run) : IClassFixture<WrappedRunFixture>
{
    [Fact]
    public async Task Wrapped_Json_PrintsTheUsersLatestYearRecord()
    {
        var result = await CliRunner.RunAsync("wrapped", run.RunFolder, "--user", "5", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal(5, json.GetProperty("userId").GetInt64());
        Assert.Equal(2025, json.GetProperty("year").GetInt32());
        Assert.Matches("^[FE][TN][LV][CU]$", json.GetProperty("personality").GetString());
        Assert.Equal(12, json.GetProperty("listeningTimeMsByMonth").GetArrayLength());
        Assert.True(json.GetProperty("plays").GetInt64() > 0);
    }

    [Fact]
    public async Task Wrapped_Card_ShowsTheYearMinutesTopTrackAndPersonality()
    {
        var record = (await CliRunner.RunAsync("wrapped", run.RunFolder, "--user", "2", "--year", "2024", "--json")).Json();

        var result = await CliRunner.RunAsync("wrapped", run.RunFolder, "--user", "2", "--year", "2024");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("Wrapped 2024", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"{record.GetProperty("minutesListened").GetInt64():N0} minutes", result.Stdout, StringComparison.Ordinal);
        var topTrack = record.GetProperty("topTracks")[0].GetProperty("name").GetString()!;
        Assert.Contains(topTrack.Length <= 24 ? topTrack : topTrack[..23], result.Stdout, StringComparison.Ordinal);
        Assert.Contains($" {record.GetProperty("personality").GetString()} ", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("Listening by hour", result.Stdout, StringComparison.Ordinal);
        // Plain text off a terminal: no escape sequences.
        Assert.DoesNotContain('\u001b', result.Stdout);
    }

    [Fact]
    public async Task Wrapped_Html_WritesTheSelfContainedPage()
    {
        using var folder = new TempFolder("page");
        var page = folder.Combine("mine.html");

        var result = await CliRunner.RunAsync("wrapped", run.RunFolder, "--user", "0", "--html", page);

        Assert.True(result.ExitCode == 0, result.ToString());
        var html = await File.ReadAllTextAsync(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("data-stat=\"minutes\"", html, StringComparison.Ordinal);
        Assert.Contains($"Page written to {page}", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("6", null, "has no user 6: its users are 0 to 5.")]
    [InlineData("-1", null, "has no user -1")]
    [InlineData("1", "2023", "has no Wrapped for 2023: it has 2024, 2025.")]
    public async Task Wrapped_UnknownUserOrYear_ExitsTwoWithOneLine(string user, string? year, string message)
    {
        string[] args = year is null ? ["wrapped", run.RunFolder, "--user", user] : ["wrapped", run.RunFolder, "--user", user, "--year", year];

        var result = await CliRunner.RunAsync(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Wrapped_RunWithoutSuccess_ExitsTwoSayingItIsNotFinished()
    {
        using var copy = CopyOfTheRun("unfinished");
        File.Delete(Path.Combine(copy.Path, "_SUCCESS"));

        var result = await CliRunner.RunAsync("wrapped", copy.Path, "--user", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a finished run (no _SUCCESS)", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }

    [Theory]
    [InlineData("truncated", "block 0 has an impossible record count")]
    [InlineData("not-avro", "is not an Avro object container")]
    public async Task Wrapped_DamagedWrappedFile_ExitsTwoNamingTheFileAndTheFault(string damage, string fault)
    {
        using var copy = CopyOfTheRun("damaged");
        var file = Path.Combine(copy.Path, "wrapped", "part-00000.avro");
        var bytes = await File.ReadAllBytesAsync(file);
        await File.WriteAllBytesAsync(file, damage == "truncated" ? bytes[..^20] : "not avro at all"u8.ToArray());

        var result = await CliRunner.RunAsync("wrapped", copy.Path, "--user", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(Path.Combine("wrapped", "part-00000.avro").Replace('\\', '/'), result.Stderr.Replace('\\', '/'), StringComparison.Ordinal);
        Assert.Contains(fault, result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Run validate", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Equal("", result.Stdout);
    }

    [Fact]
    public async Task Wrapped_HtmlIntoAFolderThatIsNotThere_ExitsTwoNamingThePath()
    {
        var page = Path.Combine(Path.GetTempPath(), $"no-such-folder-{Guid.NewGuid():N}", "page.html");

        var result = await CliRunner.RunAsync("wrapped", run.RunFolder, "--user", "0", "--html", page);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Cannot write the page to '{page}'", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    private TempFolder CopyOfTheRun(string name)
    {
        var copy = new TempFolder(name);
        foreach (var file in Directory.EnumerateFiles(run.RunFolder, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(copy.Path, Path.GetRelativePath(run.RunFolder, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
        return copy;
    }
}
