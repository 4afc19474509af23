using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

public sealed class PrepareCommandTests
{
    [Fact]
    public async Task Prepare_BundledSample_ExitsZeroAndWritesTheCatalog()
    {
        using var output = new TempFolder("prepare");

        var result = await CliRunner.RunAsync("prepare",
            "--tracks", RepoPaths.Sample("tracks.csv"), "--extended", RepoPaths.Sample("tracks_extended.csv"),
            "--artists", RepoPaths.Sample("artists.csv"), "--out", output.Path, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var json = result.Json();
        Assert.Equal("done", json.GetProperty("status").GetString());
        Assert.True(json.GetProperty("tracks").GetInt32() > 50);
        Assert.True(json.GetProperty("artists").GetInt32() > 400);
        Assert.True(File.Exists(output.Combine("catalog", "tracks.avro")));
        Assert.True(File.Exists(output.Combine("catalog", "artists.avro")));
        Assert.True(File.Exists(output.Combine("_report.json")));
    }

    [Fact]
    public async Task Prepare_MissingRequiredColumn_ExitsTwoNamingTheColumnAndWritesAReport()
    {
        using var output = new TempFolder("prepare-bad");
        var tracks = output.Combine("tracks.csv");
        // The sample without its popularity column.
        var lines = File.ReadAllLines(RepoPaths.Sample("tracks.csv")).Take(20)
            .Select(line => line.Replace(",popularity,", ",popularity_renamed,", StringComparison.Ordinal));
        File.WriteAllLines(tracks, lines);

        var result = await CliRunner.RunAsync("prepare", "--tracks", tracks,
            "--extended", RepoPaths.Sample("tracks_extended.csv"), "--artists", RepoPaths.Sample("artists.csv"), "--out", output.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("popularity", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("tracks.csv", result.Stderr, StringComparison.Ordinal);
        var report = File.ReadAllText(output.Combine("out", "_report.json"));
        Assert.Contains("\"rejected\"", report, StringComparison.Ordinal);
        Assert.False(File.Exists(output.Combine("out", "catalog", "tracks.avro")));
    }

    [Fact]
    public async Task Prepare_EmptyFile_ExitsTwoNamingTheFile()
    {
        using var output = new TempFolder("prepare-empty");
        var artists = output.Combine("artists.csv");
        File.WriteAllText(artists, "");

        var result = await CliRunner.RunAsync("prepare", "--tracks", RepoPaths.Sample("tracks.csv"),
            "--extended", RepoPaths.Sample("tracks_extended.csv"), "--artists", artists, "--out", output.Combine("out"), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("rejected", result.Json().GetProperty("status").GetString());
        Assert.Contains("artists.csv", result.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_BinaryFile_ExitsTwoSayingItIsNotCsv()
    {
        using var output = new TempFolder("prepare-binary");
        var tracks = output.Combine("tracks.csv");
        File.WriteAllBytes(tracks, [0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFE, 0x00, 0x01]);

        var result = await CliRunner.RunAsync("prepare", "--tracks", tracks, "--out", output.Combine("out"), "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("tracks.csv", result.Json().GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.True(File.Exists(output.Combine("out", "_report.json")));
    }

    [Fact]
    public async Task Prepare_TooManyBadRows_ExitsTwoWithTheirLineNumbers()
    {
        using var output = new TempFolder("prepare-budget");
        var tracks = output.Combine("tracks.csv");
        var lines = File.ReadAllLines(RepoPaths.Sample("tracks.csv")).Take(101).ToArray();
        // Rows 3 and 5 (file lines 4 and 6) get a popularity that is not a number: 2 bad rows in 100 is over the 1% budget.
        foreach (var line in new[] { 3, 5 })
        {
            var fields = lines[line].Split(',');
            var popularity = Array.IndexOf(lines[0].Split(','), "popularity");
            fields[popularity] = "very";
            lines[line] = string.Join(',', fields);
        }
        File.WriteAllLines(tracks, lines);

        var result = await CliRunner.RunAsync("prepare", "--tracks", tracks, "--out", output.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        var report = File.ReadAllText(output.Combine("out", "_report.json"));
        Assert.Contains("\"line\": 4", report, StringComparison.Ordinal);
        Assert.Contains("\"line\": 6", report, StringComparison.Ordinal);
        Assert.Contains("popularity", report, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_InputFileMissing_ExitsTwo()
    {
        using var output = new TempFolder("prepare-missing");

        var result = await CliRunner.RunAsync("prepare", "--tracks", output.Combine("nope.csv"), "--out", output.Combine("out"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prepare_SameInputsTwice_ByteIdenticalCatalog()
    {
        using var output = new TempFolder("prepare-twice");

        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", output.Combine("a"))).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", output.Combine("b"))).ExitCode);

        Assert.Equal(File.ReadAllBytes(output.Combine("a", "catalog", "tracks.avro")), File.ReadAllBytes(output.Combine("b", "catalog", "tracks.avro")));
        Assert.Equal(File.ReadAllBytes(output.Combine("a", "catalog", "artists.avro")), File.ReadAllBytes(output.Combine("b", "catalog", "artists.avro")));
    }
}
