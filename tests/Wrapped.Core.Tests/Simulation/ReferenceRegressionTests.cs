using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>One test per bug of the reference simulator that SPEC section 4 asks us to fix.</summary>
public sealed class ReferenceRegressionTests(ITestOutputHelper output)
{
    [Fact]
    public void HeardArtists_AfterPlaying_ContainEveryPlayedArtist()
    {
        // The reference never added to previous_artists_list, so "familiar" meant "the first artist" forever.
        var catalog = SimulationSample.Catalog;
        var simulator = new ListeningSimulator(catalog, SimulationSample.Seed);
        var user = new UserProfile(1, "u", "c", new DateOnly(1990, 1, 1), Gender.F, Personality.Parse("ETVC"));
        var state = simulator.CreateInitialState(user.UserId);
        var sink = new CollectingSink();

        for (var d = 0; d < 5; d++)
        {
            simulator.SimulateDay(user, state, SimulationSample.Start.AddDays(d), sink);
        }

        var played = sink.Events.Select(e => catalog.ArtistOf(e.TrackIndex)).Distinct().ToArray();
        Assert.All(played, a => Assert.True(state.HasHeard(a)));
        Assert.True(state.HeardArtistCount > 1);
        var heardTracks = Enumerable.Range(0, catalog.ArtistCount).Where(state.HasHeard).Sum(a => catalog.ArtistTracks(a).Length);
        Assert.Equal(heardTracks, state.HeardTracks.Count);
    }

    [Fact]
    public void FamiliarPicks_AfterTheFirstDay_ComeFromArtistsHeardSinceTheStart()
    {
        // Had the set not grown, a familiar, varied listener's familiar picks (0.95 × 0.9 × 0.95 ≈ 81% of plays)
        // would all be the initial artist's tracks; with it growing, that artist's share must fall well below.
        const double nonGrowingFloor = 0.95 * 0.90 * 0.95;
        var catalog = SimulationSample.Catalog;
        var simulator = new ListeningSimulator(catalog, SimulationSample.Seed);
        var shares = new List<double>();
        for (var u = 0L; u < 30; u++)
        {
            var user = new UserProfile(u, "u", "c", new DateOnly(1990, 1, 1), Gender.F, Personality.Parse("FTVC"));
            var state = simulator.CreateInitialState(u);
            var initialArtist = state.PreviousArtist;
            var sink = new CollectingSink();
            simulator.SimulateDay(user, state, SimulationSample.Start, new NullSink());
            for (var d = 1; d < 30; d++)
            {
                simulator.SimulateDay(user, state, SimulationSample.Start.AddDays(d), sink);
            }
            shares.Add(sink.Events.Count(e => catalog.ArtistOf(e.TrackIndex) == initialArtist) / (double)sink.Events.Count);
        }

        var upper = shares.Average() + MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, shares.Count - 1, 1 - SamplingBounds.Alpha)
            * MathNet.Numerics.Statistics.Statistics.StandardDeviation(shares) / Math.Sqrt(shares.Count);
        output.WriteLine($"initial artist's share of plays, days 2–30: {shares.Average():F3} (upper bound {upper:F3}) vs ≥ {nonGrowingFloor:F3} had the set not grown");
        Assert.True(upper < nonGrowingFloor, $"initial artist's share {shares.Average():F3}, upper bound {upper:F3}");
    }

    [Fact]
    public void ListeningTime_ReplaysOfOneTrackInASession_AreDrawnPerPlay()
    {
        // The reference drew one listening time per distinct track of a session, shared by its replays.
        var pairs = 0;
        var differing = 0;
        foreach (var day in SimulationSample.UserDays)
        {
            foreach (var session in day.Events.GroupBy(e => e.SessionId))
            {
                foreach (var plays in session.GroupBy(e => e.TrackIndex).Where(g => g.Count() > 1))
                {
                    var times = plays.Select(e => e.ListeningTimeMs).ToArray();
                    pairs++;
                    differing += times.Distinct().Count() > 1 ? 1 : 0;
                }
            }
        }

        output.WriteLine($"{differing} of {pairs} tracks replayed within a session had differing listening times");
        // Two independent plays differ unless both are full (4/9) or both skips hit the duration cap.
        Assert.True(pairs > 1_000);
        Assert.True(differing > pairs * 0.3, $"{differing} of {pairs} replayed tracks had differing listening times");
    }

    [Fact]
    public void CommonalityLetter_SameStreamsOnlyLetterDiffers_CommonPlaysMorePopularTracks()
    {
        // The reference ignored C/U. Same seed, user and days: the streams are the same, only the choice differs.
        var catalog = SimulationSample.Catalog;
        var simulator = new ListeningSimulator(catalog, SimulationSample.Seed);
        double[] DailyMeanPopularity(string code)
        {
            var user = new UserProfile(8, "u", "c", new DateOnly(1990, 1, 1), Gender.M, Personality.Parse(code));
            var state = simulator.CreateInitialState(user.UserId);
            var means = new List<double>();
            for (var d = 0; d < 60; d++)
            {
                var sink = new CollectingSink();
                simulator.SimulateDay(user, state, SimulationSample.Start.AddDays(d), sink);
                means.Add(sink.Events.Average(e => (double)catalog.Popularity(e.TrackIndex)));
            }
            return [.. means];
        }

        // Welch ignores the positive pairing of the two runs, which only makes it more conservative.
        var (t, critical) = SamplingBounds.WelchGreater(DailyMeanPopularity("ETVC"), DailyMeanPopularity("ETVU"));
        output.WriteLine($"C vs U, same streams, 60 days: Welch t = {t:F1}, critical {critical:F2}");
        Assert.True(t > critical, $"t = {t:F2}, critical {critical:F2}");
    }

    [Fact]
    public void SessionStart_WholeSample_IsUniformOverTheAdmissibleMillisecondsNotOnTheHour()
    {
        // The reference started every session exactly on the hour. Ours starts uniformly in [slot start,
        // slot start + slots × 1 h − length), so its position within that slack is uniform on [0, 1).
        const long hour = 3_600_000;
        var positions = new List<double>();
        var onTheHour = 0;
        foreach (var session in SimulationSample.UserDays.SelectMany(d => d.Events.GroupBy(e => e.SessionId)))
        {
            var start = session.First().TimestampMs - session.First().ListeningTimeMs;
            var length = session.Last().TimestampMs - start;
            var slack = (length / hour + 1) * hour - length;
            positions.Add((double)(start % hour) / slack);
            onTheHour += start % hour == 0 ? 1 : 0;
        }

        output.WriteLine($"{onTheHour} of {positions.Count} sessions start on the hour; mean position in slack {positions.Average():F4}");
        Assert.True(onTheHour <= positions.Count / 1000, $"{onTheHour} of {positions.Count} sessions start on the hour");
        Assert.All(positions, p => Assert.InRange(p, 0, Math.BitDecrement(1.0)));
        var standardError = Math.Sqrt(1.0 / 12 / positions.Count);
        Assert.True(Math.Abs(positions.Average() - 0.5) < SamplingBounds.StandardErrors * standardError, $"mean position {positions.Average():F4}");
    }

    [Fact]
    public void EventIds_DifferentUsersSameDay_DoNotRestartAtZero()
    {
        // The reference numbered every user's events from 0.
        var firstDay = SimulationSample.UserDays.Where(d => d.Date == SimulationSample.Start && d.Events.Count > 0).ToArray();
        var firstIds = firstDay.Select(d => d.Events[0].Id).ToArray();

        Assert.Equal(firstIds.Length, firstIds.Distinct().Count());
        Assert.DoesNotContain(0L, firstIds);
        Assert.DoesNotContain(firstDay.SelectMany(d => d.Events).GroupBy(e => e.Id), g => g.Count() > 1);
    }

    [Fact]
    public void Sessions_PlaysSharingListeningTimes_NeverOverrunMidnight()
    {
        // Shared listening times made the reference's sessions overrun their slots and pass midnight.
        foreach (var day in SimulationSample.UserDays.Where(d => d.Events.Count > 0))
        {
            var nextMidnight = (day.Date.AddDays(1).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86_400_000L;
            Assert.True(day.Events[^1].TimestampMs < nextMidnight);
        }
    }
}
