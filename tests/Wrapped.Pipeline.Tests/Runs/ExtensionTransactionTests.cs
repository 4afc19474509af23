using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.Pipeline.Tests.Support;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class ExtensionTransactionTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);
    private static readonly RunSchedule Serial = new(3, 1);

    [Fact]
    public async Task Extension_InterruptedBeforeEachChange_LeavesTheFinishedRunWhole_AndRunningAgainGivesTheOneGoBytes()
    {
        var finished = LocalRun.Parameters(users: 6, Start, Start.AddDays(2), partSize: 3);
        var extended = finished with { End = Start.AddDays(5) };
        using var folder = new TempFolder("transaction");
        var baseFolder = folder.Combine("base");
        await LocalRun.RunAsync(baseFolder, finished, Serial);
        var finishedView = TempFolder.ReaderView(RunFolder(baseFolder, finished));
        var oneGoFolder = folder.Combine("one-go");
        await LocalRun.RunAsync(oneGoFolder, extended, Serial);
        var oneGo = LocalRun.Feed(oneGoFolder, extended);

        var crashPoints = 0;
        for (var crashAt = 1; ; crashAt++)
        {
            var attempt = folder.Combine($"crash-{crashAt}");
            TempFolder.Copy(baseFolder, attempt);
            var crashing = new CrashingStore(new LocalFeedStore(attempt), crashAt);
            var crash = await Record.ExceptionAsync(() => LocalRun.RunAsync(crashing, extended, Serial));
            if (crash is null) break;
            Assert.IsType<SimulatedCrash>(crash);
            crashPoints++;

            var runFolder = RunFolder(attempt, finished);
            var committed = crashing.Changed.Contains(CommitRecord(finished));
            if (!committed)
            {
                // Until the extension commits, the run is exactly the finished run it was.
                FeedAssert.SameFiles(finishedView, TempFolder.ReaderView(runFolder));
            }
            // Committed but not yet applied, readers wait: _SUCCESS only ever stands beside a run that validates.
            if (File.Exists(Path.Combine(runFolder, "_SUCCESS")))
            {
                var validation = await RunValidator.ValidateAsync(new LocalFeedStore(runFolder), CancellationToken.None);
                Assert.True(validation.IsValid, $"crash {crashAt} ({crash.Message}): {string.Join(" ", validation.Problems)}");
            }
            else
            {
                Assert.True(committed, $"crash {crashAt} ({crash.Message}): _SUCCESS is gone before the extension committed");
            }

            // The original command reports the run as it is; running the extension again finishes it.
            await LocalRun.RunAsync(attempt, finished, Serial);
            await LocalRun.RunAsync(attempt, extended, Serial);
            FeedAssert.SameFiles(oneGo, LocalRun.Feed(attempt, extended));
            Directory.Delete(attempt, recursive: true);
        }

        // 2 parts × 3 new days, their ledgers and states, the definition, the manifest and _SUCCESS at least.
        Assert.True(crashPoints >= 13, $"only {crashPoints} crash points");
    }

    [Fact]
    public async Task Extension_StagingLeftWithoutADefinition_IsDiscardedAndTheExtensionIsTheOneGoRun()
    {
        var (finished, extended) = FinishedAndExtended();
        using var folder = new TempFolder("abandoned");
        await LocalRun.RunAsync(folder.Path, finished, Serial);
        var layout = new FeedLayout(finished.RunId);
        // What a straggler of an abandoned attempt may leave: a staged state that belongs to no extension.
        var stray = folder.Combine(layout.Staged(layout.StatePart(0)));
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "not a state file");

        await LocalRun.RunAsync(folder.Path, extended, Serial);

        await AssertOneGoBytesAsync(folder.Path, extended);
        Assert.False(Directory.Exists(folder.Combine(layout.StagingFolder)));
    }

    [Fact]
    public async Task Extension_LeftHalfDoneInPlaceByAnEarlierVersion_IsFinishedInPlace()
    {
        var (finished, extended) = FinishedAndExtended();
        using var folder = new TempFolder("legacy");
        await LocalRun.RunAsync(folder.Path, finished, Serial);
        // An earlier version deleted _SUCCESS and recorded the new end before it extended in place.
        var runFolder = RunFolder(folder.Path, finished);
        File.Delete(Path.Combine(runFolder, "_SUCCESS"));
        var definition = Path.Combine(runFolder, "_run.json");
        var recorded = Core.Feed.FeedJson.Deserialize<Steps.RunDefinition>(File.ReadAllBytes(definition), definition);
        File.WriteAllBytes(definition, Core.Feed.FeedJson.Serialize(recorded with { Parameters = extended }));

        await LocalRun.RunAsync(folder.Path, extended, Serial);

        await AssertOneGoBytesAsync(folder.Path, extended);
    }

    private static (RunParameters Finished, RunParameters Extended) FinishedAndExtended()
    {
        var finished = LocalRun.Parameters(users: 6, Start, Start.AddDays(2), partSize: 3);
        return (finished, finished with { End = Start.AddDays(4) });
    }

    /// <summary>The run in <paramref name="folder"/> is byte for byte the same run written in one go.</summary>
    private static async Task AssertOneGoBytesAsync(string folder, RunParameters run)
    {
        using var oneGo = new TempFolder("one-go");
        await LocalRun.RunAsync(oneGo.Path, run, Serial);
        FeedAssert.SameFiles(LocalRun.Feed(oneGo.Path, run), LocalRun.Feed(folder, run));
    }

    /// <summary>The extension's staged _SUCCESS: once written, the extension has committed.</summary>
    private static string CommitRecord(RunParameters run)
    {
        var layout = new FeedLayout(run.RunId);
        return layout.Staged(layout.Success);
    }

    private static string RunFolder(string folder, RunParameters parameters) => Path.Combine(folder, "runs", parameters.RunId);
}
