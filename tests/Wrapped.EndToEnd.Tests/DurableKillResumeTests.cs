using System.Diagnostics;
using System.Text.Json;
using Wrapped.TestSupport;
using Xunit.Abstractions;

namespace Wrapped.EndToEnd.Tests;

/// <summary><c>run --durable</c>, the product's own orchestration through the CLI process, killed with SIGKILL and run again.</summary>
public sealed class DurableKillResumeTests(ITestOutputHelper output)
{
    [Fact]
    public async Task RunDurable_KilledWithSigkillMidRun_RunAgainFinishesByteIdenticalToAnUninterruptedRun()
    {
        using var folder = new TempFolder("durable-kill");
        var killed = folder.Combine("killed");
        string[] command = ["run", "--users", "400", "--start", "2024-01-01", "--end", "2024-04-30", "--part-size", "50", "--batch-size", "50", "--parallelism", "2", "--json"];
        try
        {
            int dayFilesAtKill;
            await using (var first = CliProcess.Start([.. command, "--durable", "--out", killed]))
            {
                await first.WaitUntilAsync(() => DayFiles(killed) >= 150, TimeSpan.FromMinutes(2), "the first attempt wrote 150 day files");
                await first.KillAsync();
                dayFilesAtKill = DayFiles(killed);
            }

            var clock = Stopwatch.StartNew();
            await using var second = CliProcess.Start([.. command, "--durable", "--out", killed]);
            var exit = await second.WaitForExitAsync(TimeSpan.FromMinutes(3));
            var resumeSeconds = clock.Elapsed.TotalSeconds;
            Assert.True(exit == 0, $"exit {exit}\n{second.Stderr}");
            var runId = JsonDocument.Parse(second.Stdout).RootElement.GetProperty("runId").GetString()!;

            var whole = folder.Combine("whole");
            var uninterrupted = await Cli.CliApplication.RunAsync([.. command, "--out", whole], TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, uninterrupted);
            var expected = TempFolder.Snapshot(Path.Combine(whole, "runs", runId), FeedOnAzurite.IsFeedFile);
            var actual = TempFolder.Snapshot(Path.Combine(killed, "runs", runId), FeedOnAzurite.IsFeedFile);
            FeedAssert.SameFiles(expected, actual);
            Assert.Equal(0, await Cli.CliApplication.RunAsync(["validate", Path.Combine(killed, "runs", runId)], TextWriter.Null, TextWriter.Null));
            output.WriteLine($"killed after {dayFilesAtKill} of {expected.Keys.Count(k => k.StartsWith("events/", StringComparison.Ordinal))} day files; " +
                $"the second run --durable finished in {resumeSeconds:0.0} s; {expected.Count} files byte-identical; manifest SHA-256 " +
                Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(actual["_manifest.json"]))[..16]);
        }
        finally
        {
            StopOrphanedAzurite(Path.Combine(killed, ".azurite"));
        }
    }

    private static int DayFiles(string output) =>
        Directory.Exists(Path.Combine(output, "runs"))
            ? Directory.EnumerateFiles(Path.Combine(output, "runs"), "part-*.avro", SearchOption.AllDirectories).Count(f => f.Contains("date=", StringComparison.Ordinal))
            : 0;

    /// <summary>If the test failed between the kill and the second run, the Azurite the first one started is still ours to stop.</summary>
    private static void StopOrphanedAzurite(string dataDirectory)
    {
        var record = Path.Combine(dataDirectory, "azurite-process.json");
        if (!File.Exists(record)) return;
        var pid = JsonDocument.Parse(File.ReadAllText(record)).RootElement.GetProperty("ProcessId").GetInt32();
        try
        {
            using var azurite = Process.GetProcessById(pid);
            if (azurite.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase)) azurite.Kill(entireProcessTree: true);
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
