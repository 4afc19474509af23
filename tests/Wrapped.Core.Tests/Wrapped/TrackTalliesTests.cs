using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class TrackTalliesTests
{
    [Theory]
    [InlineData(10, 50)]
    [InlineData(30_000, 10_000)]
    [InlineData(200_000, 25_000)]
    [InlineData(1, 5_000)]
    public void ForEach_ManyPlaysFoldedSeveralTimes_GivesEachTracksTotalsOnce(int tracks, int plays)
    {
        var random = new Random(tracks + plays);
        var tallies = new TrackTallies(new TrackTallies.Pool());
        var expected = new SortedDictionary<int, (long Ms, int Plays)>();

        for (var p = 0; p < plays; p++)
        {
            // Skewed, so that some tracks are played in many folds and others once.
            var track = (int)(tracks * Math.Pow(random.NextDouble(), 3));
            var ms = random.Next(0, 900_001);
            tallies.Add(track, ms);
            expected[track] = expected.TryGetValue(track, out var sum) ? (sum.Ms + ms, sum.Plays + 1) : (ms, 1);
            // Reading the totals part-way folds the log early: later plays must still add up.
            if (p == plays / 3) Assert.Equal(expected.Count, tallies.Count);
        }

        var visitor = new Collector();
        tallies.ForEach(ref visitor);
        // In no particular order: what reads the totals does not depend on it.
        Assert.Equal(expected.Select(e => (e.Key, e.Value.Ms, e.Value.Plays)), visitor.Totals.Order());
        Assert.Equal(expected.Count, tallies.Count);
    }

    [Fact]
    public void ForEach_FoldsOnDifferentThreads_CountEveryTrack()
    {
        // The aggregation moves between threads at each awaited file read; each thread has its own fold scratch.
        var tallies = new TrackTallies(new TrackTallies.Pool());
        OnNewThread(() =>
        {
            tallies.Add(50_000, 1_000);
            Assert.Equal(1, tallies.Count);
        });

        // Only a small track in this fold, but the totals already hold a large one.
        OnNewThread(() =>
        {
            tallies.Add(3, 2_000);
            Assert.Equal(2, tallies.Count);
        });

        var visitor = new Collector();
        tallies.ForEach(ref visitor);
        Assert.Equal([(3, 2_000L, 1), (50_000, 1_000L, 1)], visitor.Totals.Order());
    }

    private static void OnNewThread(Action action)
    {
        Exception? failure = null;
        var thread = new Thread(() =>
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                failure = e;
            }
        });
        thread.Start();
        thread.Join();
        if (failure is not null) throw new InvalidOperationException("The action failed on its thread.", failure);
    }

    [Fact]
    public void ForEach_BlocksAndLogGivenBackByAnotherListener_StartFromZero()
    {
        // Pooled blocks and logs come back as they were left, not cleared.
        var pool = new TrackTallies.Pool();
        var earlier = new TrackTallies(pool);
        for (var p = 0; p < 3 * TrackTallies.BlockLength; p++) earlier.Add(p % (2 * TrackTallies.BlockLength), 1_000);
        Assert.Equal(2 * TrackTallies.BlockLength, earlier.Count);
        earlier.Release();

        var later = new TrackTallies(pool);
        for (var p = 0; p < 200; p++) later.Add(5, 10);
        later.Add(TrackTallies.BlockLength + 1, 7);

        var visitor = new Collector();
        later.ForEach(ref visitor);
        Assert.Equal([(5, 2_000L, 200), (TrackTallies.BlockLength + 1, 7L, 1)], visitor.Totals.Order());
    }

    [Fact]
    public void Add_LongestListeningTime_IsKeptWhole()
    {
        var tallies = new TrackTallies(new TrackTallies.Pool());
        tallies.Add(7, uint.MaxValue);
        tallies.Add(7, uint.MaxValue);

        var visitor = new Collector();
        tallies.ForEach(ref visitor);

        Assert.Equal([(7, 2L * uint.MaxValue, 2)], visitor.Totals);
    }

    private struct Collector() : TrackTallies.ITallyVisitor
    {
        public List<(int, long, int)> Totals { get; } = [];

        public readonly void Visit(int track, long listeningMs, int plays) => Totals.Add((track, listeningMs, plays));
    }
}
