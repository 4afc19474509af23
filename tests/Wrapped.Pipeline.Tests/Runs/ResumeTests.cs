using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class ResumeTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);

    [Fact]
    public async Task Run_AgainAfterAnInterruptedWriteLeftTemporaries_DeletesThemAndValidates()
    {
        using var folder = new TempFolder("stale-temporaries");
        var parameters = LocalRun.Parameters(users: 6, Start, Start.AddDays(2), partSize: 3);
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(3, 2));
        var runFolder = folder.Combine("runs", parameters.RunId);
        // What a process killed in the middle of writing leaves: temporaries of the old and the current naming.
        string[] temporaries =
        [
            Path.Combine(runFolder, "events", "date=2024-03-02", "part-00001.avro.9c1e0b2a.tmp"),
            Path.Combine(runFolder, "events", "date=2024-03-02", ".part-00001.avro.9c1e0b2a.tmp"),
            Path.Combine(runFolder, "state", ".part-00000.avro.51aa07.tmp"),
        ];
        foreach (var path in temporaries) File.WriteAllText(path, "half a file");

        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(3, 2));

        Assert.All(temporaries, path => Assert.False(File.Exists(path), $"{path} is still there"));
        var validation = await RunValidator.ValidateAsync(new LocalFeedStore(runFolder), CancellationToken.None);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
    }
}
