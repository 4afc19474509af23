using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;
using Wrapped.Core.Users;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>The realistic preset keeps the reference's guarantees: same bytes in any order, batch or parallelism, and day by day.</summary>
public sealed class RealisticDeterminismTests
{
    private const long Seed = 4242;
    private static readonly ListeningModel Model = ListeningModel.Realistic;
    private static readonly SimulationCatalog Catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(400, 80, seed: 29));
    // March and April 2025: the clocks change in the US (9 March), Europe (30 March), Chile and Australia (6 April).
    private static readonly DateOnly Start = new(2025, 3, 1);
    private const int Days = 45;
    private const int Users = 60;

    [Fact]
    public void SimulateDay_UsersReversedDayMajorOrInParallel_GiveTheSameEventsAsOneUserAtATime()
    {
        var users = Generate(Enumerable.Range(0, Users));
        var oneAtATime = users.Select(u => EventDigest.Of(Catalog, ReferenceModelTests.Simulate(new ListeningSimulator(Catalog, Seed, Model), u, Days, Start))).ToArray();

        // Day-major on one shared simulator, users in reverse order: the way a run's parts go.
        var shared = new ListeningSimulator(Catalog, Seed, Model);
        var states = users.Select(u => shared.CreateInitialState(u.UserId)).ToArray();
        var sinks = users.Select(_ => new CollectingSink()).ToArray();
        for (var d = 0; d < Days; d++)
        {
            for (var i = Users - 1; i >= 0; i--)
            {
                shared.SimulateDay(users[i], states[i], Start.AddDays(d), sinks[i]);
            }
        }
        var parallel = new string[Users];
        Parallel.For(0, Users, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i =>
            parallel[i] = EventDigest.Of(Catalog, ReferenceModelTests.Simulate(new ListeningSimulator(Catalog, Seed, Model), users[i], Days, Start)));

        Assert.Equal(oneAtATime, sinks.Select(s => EventDigest.Of(Catalog, s.Events)));
        Assert.Equal(oneAtATime, parallel);
        Assert.True(users.Select(u => u.TimeZone).Distinct().Count() > 10, "the users span many zones");
    }

    [Fact]
    public void SimulateDay_RestoredFromItsRecordEveryNight_GivesTheSameEventsAsStraight()
    {
        foreach (var user in Generate(Enumerable.Range(0, 12)))
        {
            var straight = ReferenceModelTests.Simulate(new ListeningSimulator(Catalog, Seed, Model), user, Days, Start);

            var resumed = new CollectingSink();
            var record = new ListeningSimulator(Catalog, Seed, Model).CreateInitialState(user.UserId).ToRecord(user.UserId, Start);
            // As a later process would have it: the model read back from the run's copy.
            var copy = ListeningModel.Parse(Model.Text, "_model.json");
            for (var d = 0; d < Days; d++)
            {
                // A new process each night: a fresh simulator, the state only from the saved record.
                var nightly = new ListeningSimulator(Catalog, Seed, copy);
                var state = nightly.RestoreState(record);
                nightly.SimulateDay(user, state, Start.AddDays(d), resumed);
                record = state.ToRecord(user.UserId, Start.AddDays(d + 1));
            }

            Assert.Equal(straight, resumed.Events);
        }
    }

    [Fact]
    public void Create_RealisticUsersInPartsReversedOrParallel_AreTheSame()
    {
        var oneGo = Generate(Enumerable.Range(0, 500));
        var parts = Generate(Enumerable.Range(250, 250)).Concat(Generate(Enumerable.Range(0, 250).Reverse())).OrderBy(u => u.UserId);
        var generator = new UserGenerator(Seed, Start, Model);
        var parallel = new UserProfile[500];
        Parallel.For(0, 500, i => parallel[i] = generator.Create(i));

        Assert.Equal(oneGo, parts);
        Assert.Equal(oneGo, parallel);
    }

    [Fact]
    public void Create_SameUserUnderBothPresets_DiffersOnlyInCountryAndZone()
    {
        var reference = new UserGenerator(Seed, Start, ListeningModel.Reference);
        var realistic = new UserGenerator(Seed, Start, Model);
        for (var u = 0; u < 200; u++)
        {
            var a = reference.Create(u);
            var b = realistic.Create(u);

            Assert.Equal(a with { Location = b.Location, TimeZone = b.TimeZone }, b);
            Assert.Equal(ListenerTimeZone.UtcId, a.TimeZone);
        }
    }

    [Fact]
    public void SimulateDay_RealisticAfterWarmUp_AllocatesNothing()
    {
        // Santiago changes its clocks at midnight on 6 April 2025, inside the measured days.
        var user = new UserProfile(1, "u", "Chile", new DateOnly(1990, 1, 1), Gender.M, Personality.Parse("ENVC"), "America/Santiago");
        var simulator = new ListeningSimulator(SimulationSample.Catalog, 4, Model);
        var state = simulator.CreateInitialState(1);
        var sink = new NullSink();
        for (var d = 0; d < 50; d++)
        {
            simulator.SimulateDay(user, state, new DateOnly(2025, 1, 1).AddDays(d), sink);
        }

        // The least of three rounds, each across one of Santiago's clock changes (6 April 2025, 7 September 2025,
        // 5 April 2026): a method still being promoted to optimized code can cost a one-time allocation in one of
        // them; an allocation per day, or per clock change, would show in all three.
        var least = long.MaxValue;
        foreach (var (from, until) in new[] { (50, 120), (120, 260), (260, 470) })
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var d = from; d < until; d++)
            {
                simulator.SimulateDay(user, state, new DateOnly(2025, 1, 1).AddDays(d), sink);
            }
            least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, least);
        Assert.True(sink.Count > 0);
    }

    [Fact]
    public void SimulateDay_EventIds_CarryTheLocalDate()
    {
        var user = new UserProfile(9, "u", "New Zealand", new DateOnly(1990, 1, 1), Gender.F, Personality.Parse("FNLC"), "Pacific/Auckland");
        var simulator = new ListeningSimulator(Catalog, Seed, Model);
        var state = simulator.CreateInitialState(9);
        var zone = ListenerTimeZone.Get("Pacific/Auckland");
        var previousUtcDate = 0;
        for (var date = new DateOnly(2025, 7, 14); date < new DateOnly(2025, 7, 28); date = date.AddDays(1))
        {
            var sink = new CollectingSink();
            simulator.SimulateDay(user, state, date, sink);

            Assert.All(sink.Events, e =>
            {
                Assert.Equal(EventId.DaysSinceEpoch(date), EventId.Decompose(e.Id).DaysSinceEpoch);
                Assert.Equal(date, zone.LocalDateAt(e.TimestampMs));
            });
            // Auckland is 12 hours ahead in July: its mornings are the previous UTC day.
            previousUtcDate += sink.Events.Count(e => DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs).UtcDateTime) == date.AddDays(-1));
        }
        Assert.True(previousUtcDate > 0);
    }

    private static UserProfile[] Generate(IEnumerable<int> ids)
    {
        var generator = new UserGenerator(Seed, Start, Model);
        return ids.Select(i => generator.Create(i)).ToArray();
    }
}
