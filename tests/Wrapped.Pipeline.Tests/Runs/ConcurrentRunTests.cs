using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.Pipeline.Tests.Support;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class ConcurrentRunTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);

    [Fact]
    public async Task TwoRuns_SameRunIdOtherUsersAtOnce_OneIsRefusedNamingTheHolder_AndTheOtherRunIsWhole()
    {
        using var folder = new TempFolder("same-run-id");
        var small = LocalRun.Parameters(users: 6, Start, Start.AddDays(2), partSize: 3);
        var large = small with { Users = 12 };
        // Both runs are held just before they record their definition until the other is there too (or has given
        // up): the interleaving that let two runs read "no run here yet" and both write.
        var rendezvous = new Rendezvous(2);

        var outcomes = await Task.WhenAll(
            RunAsync(new GatedStore(new LocalFeedStore(folder.Path), rendezvous, 0, "_run.json"), small, () => rendezvous.Leave(0)),
            RunAsync(new GatedStore(new LocalFeedStore(folder.Path), rendezvous, 1, "_run.json"), large, () => rendezvous.Leave(1)));

        var refused = Assert.Single(outcomes, o => o.Error is not null);
        var winner = Assert.Single(outcomes, o => o.Error is null);
        var error = Assert.IsAssignableFrom<FeedInputException>(refused.Error);
        Assert.Contains($"pid {Environment.ProcessId}", error.Message, StringComparison.Ordinal);
        Assert.Contains(Environment.MachineName, error.Message, StringComparison.Ordinal);

        var store = new LocalFeedStore(Path.Combine(folder.Path, "runs", small.RunId));
        var validation = await RunValidator.ValidateAsync(store, CancellationToken.None);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
        var manifest = await store.ReadJsonAsync<FeedManifest>("_manifest.json", CancellationToken.None);
        Assert.Equal(winner.Parameters.Users, manifest.Parameters.Users);
        var userParts = manifest.Files.Where(f => f.Path.StartsWith("users/", StringComparison.Ordinal)).ToList();
        Assert.Equal(winner.Parameters.PartCount, userParts.Count);
        Assert.Equal(winner.Parameters.Users, userParts.Sum(f => f.Records));
        Assert.Equal(winner.Parameters.PartCount, Directory.GetFiles(Path.Combine(store.Description, "events", "date=2024-03-02")).Length);
    }

    private static async Task<(RunParameters Parameters, Exception? Error)> RunAsync(IFeedStore store, RunParameters parameters, Action ended)
    {
        try
        {
            await LocalRun.RunAsync(store, parameters, new RunSchedule(3, 1));
            return (parameters, null);
        }
        catch (Exception e) when (e is FeedInputException or IOException)
        {
            return (parameters, e);
        }
        finally
        {
            ended();
        }
    }
}
