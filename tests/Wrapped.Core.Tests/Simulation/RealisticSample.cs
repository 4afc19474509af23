using NodaTime;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>What one user did over the sample's year under the realistic model, as counted from the events alone.</summary>
internal sealed class UserYear(UserProfile user)
{
    public UserProfile User { get; } = user;
    /// <summary>Sessions by the local hour of their start (NodaTime, from the first event), Monday–Friday and Saturday–Sunday.</summary>
    public long[] WeekdayStarts { get; } = new long[24];
    public long[] WeekendStarts { get; } = new long[24];
    public long Plays { get; set; }
    public long ListeningMs { get; set; }
    public int IdleDays { get; set; }
    /// <summary>Events before the first instant or at/after the end of their listener's local day (NodaTime's AtStartOfDay).</summary>
    public long EventsOutsideLocalDay { get; set; }
    /// <summary>Events that started before the previous event of the user-day ended.</summary>
    public long OverlappingEvents { get; set; }
    /// <summary>Events on a 23- or 25-hour local day, and events whose UTC date is not their local date: the local day was really used.</summary>
    public long EventsOnDaysClocksChanged { get; set; }
    public long EventsOnAnotherUtcDate { get; set; }
}

/// <summary>
/// 2,000 users × 365 days of the realistic preset on a 3,000-track catalog, simulated once (users in parallel, each
/// user-day checked as it is made, nothing kept but counts) and shared by the statistical tests; plus the reference
/// preset's mean plays per user-day on the same users and catalog.
/// </summary>
internal static class RealisticSample
{
    public const long Seed = 20251129;
    public const int Users = 2000;
    public const int Days = 365;
    public static readonly DateOnly Start = new(2025, 1, 1);

    private static readonly Lazy<(SimulationCatalog Catalog, UserYear[] Years, double ReferencePlaysPerUserDay)> Data = new(Build);

    public static SimulationCatalog Catalog => Data.Value.Catalog;

    public static IReadOnlyList<UserYear> Years => Data.Value.Years;

    public static double ReferencePlaysPerUserDay => Data.Value.ReferencePlaysPerUserDay;

    public static ListeningModel Model => ListeningModel.Realistic;

    private static (SimulationCatalog, UserYear[], double) Build()
    {
        var catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(3000, 600, seed: 17));
        var generator = new UserGenerator(Seed, Start, Model);
        var years = Enumerable.Range(0, Users).Select(u => new UserYear(generator.Create(u))).ToArray();
        Parallel.ForEach(System.Collections.Concurrent.Partitioner.Create(0, Users, 50), range =>
        {
            var simulator = new ListeningSimulator(catalog, Seed, Model);
            var sink = new CollectingSink();
            for (var u = range.Item1; u < range.Item2; u++)
            {
                SimulateYear(simulator, years[u], sink);
            }
        });
        return (catalog, years, ReferenceMean(catalog, years.Select(y => y.User.UserId).ToArray()));
    }

    private static void SimulateYear(ListeningSimulator simulator, UserYear year, CollectingSink sink)
    {
        var zone = DateTimeZoneProviders.Tzdb[year.User.TimeZone];
        var state = simulator.CreateInitialState(year.User.UserId);
        var dayStart = zone.AtStartOfDay(LocalDate.FromDateOnly(Start)).ToInstant().ToUnixTimeMilliseconds();
        for (var d = 0; d < Days; d++)
        {
            var date = Start.AddDays(d);
            var dayEnd = zone.AtStartOfDay(LocalDate.FromDateOnly(date.AddDays(1))).ToInstant().ToUnixTimeMilliseconds();
            sink.Events.Clear();
            simulator.SimulateDay(year.User, state, date, sink);
            Count(year, sink.Events, zone, date, dayStart, dayEnd);
            dayStart = dayEnd;
        }
    }

    private static void Count(UserYear year, List<ListeningEvent> events, DateTimeZone zone, DateOnly date, long dayStart, long dayEnd)
    {
        if (events.Count == 0)
        {
            year.IdleDays++;
            return;
        }
        var starts = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? year.WeekendStarts : year.WeekdayStarts;
        var clockChanged = dayEnd - dayStart != 86_400_000;
        var previousEnd = long.MinValue;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var begin = e.TimestampMs - e.ListeningTimeMs;
            if (begin < dayStart || e.TimestampMs >= dayEnd) year.EventsOutsideLocalDay++;
            if (begin < previousEnd) year.OverlappingEvents++;
            if (i == 0 || e.SessionId != events[i - 1].SessionId)
            {
                starts[Instant.FromUnixTimeMilliseconds(begin).InZone(zone).Hour]++;
            }
            if (clockChanged) year.EventsOnDaysClocksChanged++;
            if (DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeMilliseconds(e.TimestampMs).UtcDateTime) != date) year.EventsOnAnotherUtcDate++;
            previousEnd = e.TimestampMs;
            year.Plays++;
            year.ListeningMs += e.ListeningTimeMs;
        }
    }

    /// <summary>The reference preset on the same users and catalog; 73 days (every fifth) are plenty for a mean.</summary>
    private static double ReferenceMean(SimulationCatalog catalog, long[] userIds)
    {
        var generator = new UserGenerator(Seed, Start, ListeningModel.Reference);
        var simulator = new ListeningSimulator(catalog, Seed, ListeningModel.Reference);
        var sink = new NullSink();
        long userDays = 0;
        foreach (var id in userIds)
        {
            var user = generator.Create(id);
            var state = simulator.CreateInitialState(id);
            for (var d = 0; d < Days; d += 5)
            {
                simulator.SimulateDay(user, state, Start.AddDays(d), sink);
                userDays++;
            }
        }
        return (double)sink.Count / userDays;
    }
}
