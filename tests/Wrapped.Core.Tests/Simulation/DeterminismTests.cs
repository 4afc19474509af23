using Wrapped.TestSupport;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;

namespace Wrapped.Core.Tests.Simulation;

public sealed class DeterminismTests
{
    private const long Seed = 42;
    private static readonly DateOnly Start = new(2025, 3, 1);
    private static readonly SimulationCatalog Catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(300, 60, seed: 11));

    [Fact]
    public void SimulateDay_SameSeedUserAndDate_GivesIdenticalEvents()
    {
        var user = new UserGenerator(Seed, Start).Create(17);

        var first = SimulateFresh(new ListeningSimulator(Catalog, Seed), user, Start);
        var second = SimulateFresh(new ListeningSimulator(Catalog, Seed), user, Start);

        Assert.NotEmpty(first);
        Assert.Equal(first, second);
    }

    [Fact]
    public void SimulateDay_DifferentSeed_GivesDifferentEvents()
    {
        var user = new UserGenerator(Seed, Start).Create(17);

        var first = SimulateFresh(new ListeningSimulator(Catalog, Seed), user, Start);
        var other = SimulateFresh(new ListeningSimulator(Catalog, Seed + 1), user, Start);

        Assert.NotEqual(first.Select(e => (e.TrackIndex, e.TimestampMs)), other.Select(e => (e.TrackIndex, e.TimestampMs)));
    }

    [Fact]
    public void SimulateDay_UsersInAnyOrderOnOneInstance_GivesSameEventsAsFreshInstances()
    {
        var generator = new UserGenerator(Seed, Start);
        var users = Enumerable.Range(0, 20).Select(i => generator.Create(i)).ToArray();
        var shared = new ListeningSimulator(Catalog, Seed);

        var reversed = users.Reverse().ToDictionary(u => u.UserId, u => SimulateFresh(shared, u, Start));

        foreach (var user in users)
        {
            Assert.Equal(SimulateFresh(new ListeningSimulator(Catalog, Seed), user, Start), reversed[user.UserId]);
        }
    }

    [Fact]
    public void SimulateDay_ThirtyDaysStraightVersusRestoredEachDay_GivesIdenticalEvents()
    {
        var generator = new UserGenerator(Seed, Start);
        foreach (var userId in new long[] { 0, 5, 123_456 })
        {
            var user = generator.Create(userId);
            var straightSimulator = new ListeningSimulator(Catalog, Seed);
            var straightState = straightSimulator.CreateInitialState(userId);
            var straight = new CollectingSink();

            var resumed = new CollectingSink();
            var record = new ListeningSimulator(Catalog, Seed).CreateInitialState(userId).ToRecord(userId, Start);

            for (var d = 0; d < 30; d++)
            {
                var date = Start.AddDays(d);
                straightSimulator.SimulateDay(user, straightState, date, straight);

                // A new process each night: fresh simulator, state only from the saved record.
                var nightly = new ListeningSimulator(Catalog, Seed);
                var state = nightly.RestoreState(record);
                nightly.SimulateDay(user, state, date, resumed);
                record = state.ToRecord(userId, date.AddDays(1));
            }

            Assert.Equal(straight.Events, resumed.Events);
            Assert.Equivalent(straightState.ToRecord(userId, Start.AddDays(30)), record, strict: true);
        }
    }

    [Fact]
    public void ToRecord_HeardArtists_AreInAscendingArtistIndexOrder()
    {
        var simulator = new ListeningSimulator(Catalog, Seed);
        var state = simulator.CreateInitialState(3);
        var user = new UserGenerator(Seed, Start).Create(3);
        for (var d = 0; d < 5; d++)
        {
            simulator.SimulateDay(user, state, Start.AddDays(d), new NullSink());
        }

        var record = state.ToRecord(3, Start.AddDays(5));

        var indexes = record.HeardArtistKeys.Select(Catalog.ArtistIndex).ToArray();
        Assert.Equal(indexes.Order(), indexes);
        Assert.Equal(state.HeardArtistCount, indexes.Length);
        Assert.Equal(Catalog.TrackId(state.PreviousTrack), record.PreviousTrackId);
        Assert.Equal(Catalog.ArtistKey(state.PreviousArtist), record.PreviousArtistKey);
    }

    [Fact]
    public void RestoreState_UnknownTrack_ThrowsNamingTheTrack()
    {
        var simulator = new ListeningSimulator(Catalog, Seed);
        var record = new UserStateRecord(1, "missing", "a00001", ["a00001"], Start);

        var error = Assert.Throws<ArgumentException>(() => simulator.RestoreState(record));

        Assert.Contains("'missing'", error.Message);
    }

    [Fact]
    public void CreateInitialState_SameUser_IsSameAndItsArtistIsHeard()
    {
        var a = new ListeningSimulator(Catalog, Seed).CreateInitialState(9);
        var b = new ListeningSimulator(Catalog, Seed).CreateInitialState(9);

        Assert.Equal(a.PreviousTrack, b.PreviousTrack);
        Assert.Equal(Catalog.ArtistOf(a.PreviousTrack), a.PreviousArtist);
        Assert.True(a.HasHeard(a.PreviousArtist));
        Assert.Equal(1, a.HeardArtistCount);
    }

    private static List<ListeningEvent> SimulateFresh(ListeningSimulator simulator, UserProfile user, DateOnly date)
    {
        var sink = new CollectingSink();
        simulator.SimulateDay(user, simulator.CreateInitialState(user.UserId), date, sink);
        return sink.Events;
    }
}
