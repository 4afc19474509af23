using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

public sealed class OneWriterTests
{
    [Fact]
    public async Task Run_SameRunIdWhileAnotherProcessWritesIt_ExitsTwoNamingTheHolder_AndTheFirstRunIsWhole()
    {
        using var output = new TempFolder("one-writer");
        string[] common = ["run", "--run-id", "shared", "--start", "2025-01-01", "--end", "2025-06-30", "--out", output.Path, "--parallelism", "1", "--json"];
        var runFolder = output.Combine("runs", "shared");

        await using var first = CliProcess.Start([.. common, "--users", "2000"]);
        await first.WaitUntilAsync(() => Directory.Exists(Path.Combine(runFolder, "events")), TimeSpan.FromSeconds(60), "the first run wrote events");
        var second = await CliRunner.RunAsync([.. common, "--users", "1000"]);
        var firstExit = await first.WaitForExitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(2, second.ExitCode);
        Assert.Contains($"pid {first.Id}", second.Stderr, StringComparison.Ordinal);
        Assert.Contains(Environment.MachineName, second.Stderr, StringComparison.Ordinal);
        Assert.True(firstExit == 0, first.Stderr);
        var validation = await CliRunner.RunAsync("validate", runFolder, "--json");
        Assert.True(validation.ExitCode == 0, validation.ToString());
        using var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "_manifest.json")));
        Assert.Equal(2000, manifest.RootElement.GetProperty("parameters").GetProperty("users").GetInt32());
    }

    [Fact]
    public async Task Run_ExtensionKilled_RunStaysFinished_OriginalCommandReportsIt_AndRunningTheExtensionAgainGivesTheOneGoBytes()
    {
        using var output = new TempFolder("killed-extension");
        string[] common = ["run", "--users", "1500", "--start", "2025-01-01", "--parallelism", "1", "--json"];
        var first = await CliRunner.RunAsync([.. common, "--end", "2025-01-05", "--out", output.Path]);
        Assert.True(first.ExitCode == 0, first.ToString());
        var runId = first.Json().GetProperty("runId").GetString()!;
        var runFolder = output.Combine("runs", runId);
        var finished = TempFolder.ReaderView(runFolder);

        // The extension, killed with SIGKILL once it has written a few of its new days (wherever it keeps them).
        await using (var extension = CliProcess.Start([.. common, "--end", "2025-03-31", "--out", output.Path]))
        {
            await extension.WaitUntilAsync(() => NewDayFiles(runFolder) >= 10, TimeSpan.FromSeconds(60), "the extension wrote ten new day files");
            await extension.KillAsync();
        }

        // Until the extension commits, the run is the finished run it was.
        FeedAssert.SameFiles(finished, TempFolder.ReaderView(runFolder));
        var meanwhile = await CliRunner.RunAsync("validate", runFolder, "--json");
        Assert.True(meanwhile.ExitCode == 0, meanwhile.ToString());
        var original = await CliRunner.RunAsync([.. common, "--end", "2025-01-05", "--out", output.Path]);
        Assert.True(original.ExitCode == 0, original.ToString());
        Assert.Equal(5, original.Json().GetProperty("days").GetInt32());

        var resumed = await CliRunner.RunAsync([.. common, "--end", "2025-03-31", "--out", output.Path]);
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        var oneGo = await CliRunner.RunAsync([.. common, "--end", "2025-03-31", "--out", output.Combine("one-go")]);
        Assert.Equal(runId, oneGo.Json().GetProperty("runId").GetString());
        FeedAssert.SameFiles(
            TempFolder.Snapshot(output.Combine("one-go", "runs", runId), IsFeedFile),
            TempFolder.Snapshot(runFolder, IsFeedFile));
        Assert.Empty(Directory.GetFiles(runFolder, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(0, (await CliRunner.RunAsync("validate", runFolder)).ExitCode);
    }

    private static bool IsFeedFile(string path) => path.EndsWith(".avro", StringComparison.Ordinal) || path is "_manifest.json" or "_SUCCESS";

    private static int NewDayFiles(string runFolder) =>
        Directory.EnumerateFiles(runFolder, "part-*.avro", SearchOption.AllDirectories)
            .Select(f => Path.GetFileName(Path.GetDirectoryName(f))!)
            .Count(folder => folder.StartsWith("date=", StringComparison.Ordinal) && string.CompareOrdinal(folder, "date=2025-01-05") > 0);
}
