using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary>A prepared catalog is never damaged by a later rejected <c>prepare</c>, and a rejected or damaged one is never simulated.</summary>
public sealed class CatalogFolderTests
{
    [Fact]
    public async Task Prepare_RejectedIntoAnExistingCatalog_LeavesEveryFileOfItUntouchedAndSaysWhereTheReportIs()
    {
        using var output = new TempFolder("prepare-existing");
        var catalog = output.Combine("catalog");
        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", catalog)).ExitCode);
        var before = TempFolder.Snapshot(catalog);
        var empty = output.Combine("artists.csv");
        File.WriteAllText(empty, "");

        var result = await CliRunner.RunAsync("prepare", "--artists", empty, "--out", catalog);

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("artists.csv", line, StringComparison.Ordinal);
        FeedAssert.SameFiles(before, TempFolder.Snapshot(catalog));
        var report = Directory.EnumerateFiles(output.Path, "*.json", SearchOption.TopDirectoryOnly).Single();
        Assert.Contains(report, line, StringComparison.Ordinal);
        Assert.Contains("\"rejected\"", File.ReadAllText(report), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulate_CatalogWhoseReportSaysRejected_ExitsTwoWithoutWritingAnything()
    {
        using var output = new TempFolder("simulate-rejected");
        var catalog = output.Combine("catalog");
        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", catalog)).ExitCode);
        // A catalog left beside a rejected report, as an earlier version of prepare could leave it.
        var report = Path.Combine(catalog, "_report.json");
        File.WriteAllText(report, File.ReadAllText(report).Replace("\"prepared\"", "\"rejected\"", StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("simulate", "--catalog", catalog, "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--out", output.Combine("feed"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("rejected", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("feed")));
    }

    [Fact]
    public async Task Simulate_TruncatedCatalogTracks_ExitsTwoNamingTheFile()
    {
        using var output = new TempFolder("simulate-truncated");
        var catalog = output.Combine("catalog");
        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", catalog)).ExitCode);
        var tracks = Path.Combine(catalog, "catalog", "tracks.avro");
        var bytes = File.ReadAllBytes(tracks);
        File.WriteAllBytes(tracks, bytes[..(bytes.Length / 2)]);

        var result = await CliRunner.RunAsync("simulate", "--catalog", catalog, "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--out", output.Combine("feed"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("tracks.avro", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("feed")));
    }

    [Theory]
    [InlineData("catalog/artists.avro")]
    [InlineData("catalog/tracks.avro")]
    [InlineData("_report.json")]
    public async Task Simulate_CatalogFileMissing_ExitsTwoNamingIt(string missing)
    {
        using var output = new TempFolder("simulate-missing-file");
        var catalog = output.Combine("catalog");
        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", catalog)).ExitCode);
        File.Delete(Path.Combine(catalog, missing));

        var result = await CliRunner.RunAsync("simulate", "--catalog", catalog, "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--out", output.Combine("feed"));

        Assert.Contains(missing, CliAssert.OneLineRejection(result), StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("feed")));
    }
}
