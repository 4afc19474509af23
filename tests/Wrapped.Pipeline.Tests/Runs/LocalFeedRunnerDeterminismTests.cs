using Wrapped.Pipeline.Runs;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class LocalFeedRunnerDeterminismTests
{
    private static readonly DateOnly Start = new(2024, 3, 1);

    [Fact]
    public async Task Run_BatchSizes1And7And500_ByteIdenticalFeed()
    {
        // Part size 1: every user is its own file, so batch sizes 1, 7 and 500 really schedule the work differently.
        var parameters = LocalRun.Parameters(users: 12, Start, Start.AddDays(9), partSize: 1);
        using var a = new TempFolder("batch1");
        using var b = new TempFolder("batch7");
        using var c = new TempFolder("batch500");

        await LocalRun.RunAsync(a.Path, parameters, new RunSchedule(1, 2));
        await LocalRun.RunAsync(b.Path, parameters, new RunSchedule(7, 2));
        await LocalRun.RunAsync(c.Path, parameters, new RunSchedule(500, 2));

        var expected = LocalRun.Feed(a.Path, parameters);
        // Events, users, state and Wrapped parts, and the catalog's two files.
        Assert.Equal(12 * 10 + 12 + 12 + 12 + 2, expected.Count(f => f.Key.EndsWith(".avro", StringComparison.Ordinal)));
        FeedAssert.SameFiles(expected, LocalRun.Feed(b.Path, parameters));
        FeedAssert.SameFiles(expected, LocalRun.Feed(c.Path, parameters));
    }

    [Fact]
    public async Task Run_Parallelism1And2_ByteIdenticalFeed()
    {
        var parameters = LocalRun.Parameters(users: 30, Start, Start.AddDays(6), partSize: 4);
        using var serial = new TempFolder("p1");
        using var parallel = new TempFolder("p2");

        await LocalRun.RunAsync(serial.Path, parameters, new RunSchedule(4, 1));
        await LocalRun.RunAsync(parallel.Path, parameters, new RunSchedule(4, 2));

        FeedAssert.SameFiles(LocalRun.Feed(serial.Path, parameters), LocalRun.Feed(parallel.Path, parameters));
    }

    [Fact]
    public async Task Run_ThirtyDaysAtOnceVersusThirtyOneDayExtensions_ByteIdenticalFeed()
    {
        var full = LocalRun.Parameters(users: 9, Start, Start.AddDays(29), partSize: 4);
        using var once = new TempFolder("once");
        using var daily = new TempFolder("daily");

        await LocalRun.RunAsync(once.Path, full, new RunSchedule(4, 2));
        for (var day = 0; day < 30; day++)
        {
            await LocalRun.RunAsync(daily.Path, full with { End = Start.AddDays(day) }, new RunSchedule(4, 2));
        }

        FeedAssert.SameFiles(LocalRun.Feed(once.Path, full), LocalRun.Feed(daily.Path, full));
    }

    [Fact]
    public async Task Run_SameDayTwice_ChangesNothing()
    {
        var parameters = LocalRun.Parameters(users: 5, Start, Start.AddDays(2), partSize: 2);
        using var folder = new TempFolder("twice");

        var first = await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(2, 2));
        var before = LocalRun.Feed(folder.Path, parameters);
        var second = await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(2, 2));

        FeedAssert.SameFiles(before, LocalRun.Feed(folder.Path, parameters));
        Assert.Equal(first.Manifest.Counts, second.Manifest.Counts);
    }

    [Fact]
    public async Task Run_OtherSeed_OtherEvents()
    {
        var parameters = LocalRun.Parameters(users: 5, Start, Start.AddDays(1), partSize: 5);
        using var a = new TempFolder("seed7");
        using var b = new TempFolder("seed8");

        await LocalRun.RunAsync(a.Path, parameters, new RunSchedule(5, 1));
        await LocalRun.RunAsync(b.Path, parameters with { Seed = 8 }, new RunSchedule(5, 1));

        var path = "events/date=2024-03-01/part-00000.avro";
        Assert.NotEqual(LocalRun.Feed(a.Path, parameters)[path], LocalRun.Feed(b.Path, parameters)[path]);
    }
}
