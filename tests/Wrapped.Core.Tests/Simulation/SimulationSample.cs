using Wrapped.TestSupport;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>One user-day of the shared sample.</summary>
internal sealed record UserDay(UserProfile User, DateOnly Date, IReadOnlyList<ListeningEvent> Events, DayOutcome Outcome, DayDraws Draws);

/// <summary>
/// 400 generated users × 10 days (4,000 user-days, ~136,000 plays) on a 300-track, 60-artist catalog,
/// simulated once and shared by the statistical tests.
/// </summary>
internal static class SimulationSample
{
    public const long Seed = 20240101;
    public const int Users = 400;
    public const int Days = 10;
    public static readonly DateOnly Start = new(2024, 1, 1);

    private static readonly Lazy<(SimulationCatalog Catalog, IReadOnlyList<UserDay> Days, IReadOnlyDictionary<long, int> InitialArtist)> Data = new(Build);

    public static SimulationCatalog Catalog => Data.Value.Catalog;

    public static IReadOnlyList<UserDay> UserDays => Data.Value.Days;

    /// <summary>The artist each user starts with (heard before the first play).</summary>
    public static IReadOnlyDictionary<long, int> InitialArtist => Data.Value.InitialArtist;

    private static (SimulationCatalog, IReadOnlyList<UserDay>, IReadOnlyDictionary<long, int>) Build()
    {
        var catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(300, 60, seed: 7));
        var generator = new UserGenerator(Seed, Start);
        var simulator = new ListeningSimulator(catalog, Seed);
        var days = new List<UserDay>(Users * Days);
        var initial = new Dictionary<long, int>();
        for (var u = 0L; u < Users; u++)
        {
            var user = generator.Create(u);
            var state = simulator.CreateInitialState(u);
            initial[u] = state.PreviousArtist;
            for (var d = 0; d < Days; d++)
            {
                var sink = new CollectingSink();
                var date = Start.AddDays(d);
                var outcome = simulator.SimulateDay(user, state, date, sink);
                days.Add(new UserDay(user, date, sink.Events, outcome, simulator.LastDay));
            }
        }
        return (catalog, days, initial);
    }
}
