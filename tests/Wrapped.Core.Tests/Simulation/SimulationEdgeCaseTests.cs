using Wrapped.TestSupport;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;

namespace Wrapped.Core.Tests.Simulation;

public sealed class SimulationEdgeCaseTests
{
    private static readonly DateOnly Day = new(2024, 5, 1);

    private static UserProfile User(string code, long id = 1) => new(id, "u", "c", new DateOnly(1990, 1, 1), Gender.M, Personality.Parse(code));

    [Fact]
    public void SimulateDay_OneTrackCatalog_PlaysItWithoutFailing()
    {
        var catalog = SimulationCatalog.Create([SyntheticCatalog.Track("only", "a", durationMs: 60_000)]);
        var simulator = new ListeningSimulator(catalog, 1);
        var state = simulator.CreateInitialState(1);
        var sink = new CollectingSink();

        for (var d = 0; d < 10; d++)
        {
            simulator.SimulateDay(User("ETVU"), state, Day.AddDays(d), sink);
        }

        Assert.NotEmpty(sink.Events);
        Assert.All(sink.Events, e => Assert.Equal(0, e.TrackIndex));
    }

    [Fact]
    public void SimulateDay_OneTrackPerArtistLoyalListener_NeverReplaysACutShortTrack()
    {
        // The previous artist's subset has one track, so avoiding a skipped replay must fall back to the catalog.
        var catalog = SimulationCatalog.Create([
            SyntheticCatalog.Track("x", "a", durationMs: 200_000, newness: 0.1),
            SyntheticCatalog.Track("y", "b", durationMs: 200_000, newness: 0.9),
        ]);
        var simulator = new ListeningSimulator(catalog, 2);
        var state = simulator.CreateInitialState(1);
        var sink = new CollectingSink();
        for (var d = 0; d < 100; d++)
        {
            simulator.SimulateDay(User("FTLC"), state, Day.AddDays(d), sink);
        }

        var checkedPairs = 0;
        for (var i = 1; i < sink.Events.Count; i++)
        {
            var (previous, current) = (sink.Events[i - 1], sink.Events[i]);
            if (previous.SessionId == current.SessionId && previous.ListeningTimeMs < catalog.DurationMs(previous.TrackIndex))
            {
                checkedPairs++;
                Assert.NotEqual(previous.TrackIndex, current.TrackIndex);
            }
        }
        Assert.True(checkedPairs > 100);
        // Not vacuous: uncut plays are replayed.
        Assert.True(PersonalityEffectTests.ConsecutiveShare(sink.Events, (a, b) => a.TrackIndex == b.TrackIndex) > 0);
    }

    [Fact]
    public void SimulateDay_SessionsTooLongForTheDay_AreDroppedButStillMoveTheState()
    {
        // Three-hour tracks: a long session of ~10 plays needs more than 24 slots and can never be placed.
        var catalog = SimulationCatalog.Create(Enumerable.Range(0, 50)
            .Select(i => SyntheticCatalog.Track($"t{i:D2}", $"a{i:D2}", durationMs: 3 * 3_600_000, newness: i / 50.0))
            .ToList());
        var simulator = new ListeningSimulator(catalog, 3);
        int dropped = 0, planned = 0, emitted = 0;
        for (var u = 0L; u < 50; u++)
        {
            var state = simulator.CreateInitialState(u);
            var sink = new CollectingSink();
            var outcome = simulator.SimulateDay(User("ETVU", u), state, Day, sink);
            dropped += outcome.DroppedSessions;
            planned += simulator.LastDay.PlannedPlays;
            emitted += outcome.Plays;

            Assert.Equal(sink.Events.Count, outcome.Plays);
            Assert.All(sink.Events, e => Assert.True(state.HasHeard(catalog.ArtistOf(e.TrackIndex))));
            Assert.True(state.HeardArtistCount >= sink.Events.Select(e => catalog.ArtistOf(e.TrackIndex)).Distinct().Count());
        }

        Assert.True(dropped > 0);
        Assert.True(planned > emitted);
    }

    [Fact]
    public void SimulateDay_MorePlaysThanTheIdSequenceAllows_TruncatesAndCounts()
    {
        var simulator = new ListeningSimulator(SimulationSample.Catalog, 7) { MaxPlaysPerDay = 10 };
        var sink = new CollectingSink();

        var outcome = simulator.SimulateDay(User("ETVC"), simulator.CreateInitialState(1), Day, sink);

        Assert.True(simulator.LastDay.PlannedPlays > 10);
        Assert.Equal(10, outcome.Plays);
        Assert.Equal(10, sink.Events.Count);
        Assert.True(outcome.TruncatedPlays > 0);
        Assert.Equal(Enumerable.Range(0, 10), sink.Events.Select(e => EventId.Decompose(e.Id).Sequence));
    }

    [Fact]
    public void SimulateDay_AfterWarmUp_AllocatesNothing()
    {
        var catalog = SimulationSample.Catalog;
        var simulator = new ListeningSimulator(catalog, 4);
        var state = simulator.CreateInitialState(1);
        var sink = new NullSink();
        var user = User("ENVC");
        for (var d = 0; d < 50; d++)
        {
            simulator.SimulateDay(user, state, Day.AddDays(d), sink);
        }

        // The least of three rounds: a method still being promoted to optimized code can cost a one-time allocation in
        // one of them under a loaded test run; a per-day allocation would show in every round.
        var least = long.MaxValue;
        for (var round = 0; round < 3; round++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var d = 50 + 20 * round; d < 70 + 20 * round; d++)
            {
                simulator.SimulateDay(user, state, Day.AddDays(d), sink);
            }
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(1L << 35)]
    public void SimulateDay_UserIdOutsideTheEventIdRange_Throws(long userId)
    {
        var simulator = new ListeningSimulator(SimulationSample.Catalog, 5);

        Assert.Throws<ArgumentOutOfRangeException>(() =>
            simulator.SimulateDay(User("ETVC", userId), simulator.CreateInitialState(0), Day, new NullSink()));
    }

    [Fact]
    public void SimulateDayToRecordAndWrite_StateOfAnotherUser_Throw()
    {
        var simulator = new ListeningSimulator(SimulationSample.Catalog, 6);
        var state = simulator.CreateInitialState(2);

        Assert.Throws<ArgumentException>(() => simulator.SimulateDay(User("ETVC", 3), state, Day, new NullSink()));
        Assert.Throws<ArgumentException>(() => state.ToRecord(3, Day));
        Assert.Throws<ArgumentException>(() => Core.Avro.UserStateRecordCodec.Write(new Core.Avro.AvroRecordBuffer(), 3, state, Day));
    }

    [Fact]
    public void SimulateDay_StateOfAnotherCatalog_Throws()
    {
        var other = SimulationCatalog.Create(SyntheticCatalog.Tracks(10, 2, seed: 1));
        var simulator = new ListeningSimulator(SimulationSample.Catalog, 6);

        Assert.Throws<ArgumentException>(() =>
            simulator.SimulateDay(User("ETVC"), new ListeningSimulator(other, 6).CreateInitialState(1), Day, new NullSink()));
    }
}
