using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>
/// Each personality letter must move what it claims to, significantly: Welch's t on per-user statistics
/// (users are independent; plays of one user are not), one-sided at p = 0.001.
/// </summary>
public sealed class PersonalityEffectTests(ITestOutputHelper output)
{
    [Fact]
    public void Loyal_VersusVariety_ReplaysPreviousTrackMore()
    {
        AssertGreater(p => p.Loyal, events => ConsecutiveShare(events, (a, b) => a.TrackIndex == b.TrackIndex));
    }

    [Fact]
    public void Loyal_VersusVariety_ReplaysPreviousArtistMore()
    {
        var catalog = SimulationSample.Catalog;
        AssertGreater(p => p.Loyal, events => ConsecutiveShare(events, (a, b) => catalog.ArtistOf(a.TrackIndex) == catalog.ArtistOf(b.TrackIndex)));
    }

    [Fact]
    public void Familiar_VersusExploration_PlaysAlreadyHeardArtistsMore()
    {
        // Day one only: on a 60-artist catalog every user has heard nearly everyone within a few days.
        var catalog = SimulationSample.Catalog;
        var firstDay = SimulationSample.UserDays.Where(d => d.Date == SimulationSample.Start).ToArray();
        double HeardShare(UserDay day)
        {
            var heard = new HashSet<int> { SimulationSample.InitialArtist[day.User.UserId] };
            var already = day.Events.Count(e => !heard.Add(catalog.ArtistOf(e.TrackIndex)));
            return (double)already / day.Events.Count;
        }

        var familiar = firstDay.Where(d => d.User.Personality.Familiar && d.Events.Count > 0).Select(HeardShare).ToArray();
        var exploring = firstDay.Where(d => !d.User.Personality.Familiar && d.Events.Count > 0).Select(HeardShare).ToArray();

        AssertWelch(familiar, exploring);
    }

    [Fact]
    public void Newness_VersusTimeless_PlaysNewerTracks()
    {
        var catalog = SimulationSample.Catalog;
        AssertGreater(p => p.Newness, events => events.Average(e => catalog.Newness(e.TrackIndex)));
    }

    [Fact]
    public void Common_VersusUnique_PlaysMorePopularTracks()
    {
        var catalog = SimulationSample.Catalog;
        AssertGreater(p => p.Common, events => events.Average(e => (double)catalog.Popularity(e.TrackIndex)));
    }

    internal static double ConsecutiveShare(IReadOnlyList<ListeningEvent> events, Func<ListeningEvent, ListeningEvent, bool> same)
    {
        int pairs = 0, hits = 0;
        for (var i = 1; i < events.Count; i++)
        {
            if (events[i].SessionId == events[i - 1].SessionId)
            {
                pairs++;
                hits += same(events[i - 1], events[i]) ? 1 : 0;
            }
        }
        return (double)hits / pairs;
    }

    private void AssertGreater(Func<Personality, bool> letter, Func<IReadOnlyList<ListeningEvent>, double> statistic)
    {
        var perUser = SimulationSample.UserDays.GroupBy(d => d.User)
            .Select(g => (g.Key.Personality, Value: statistic(g.SelectMany(d => d.Events).ToArray())))
            .ToArray();
        AssertWelch(
            perUser.Where(u => letter(u.Personality)).Select(u => u.Value).ToArray(),
            perUser.Where(u => !letter(u.Personality)).Select(u => u.Value).ToArray());
    }

    private void AssertWelch(double[] greater, double[] smaller)
    {
        Assert.True(greater.Length > 100 && smaller.Length > 100);
        var (t, critical) = SamplingBounds.WelchGreater(greater, smaller);
        output.WriteLine($"means {greater.Average():F4} (n = {greater.Length}) vs {smaller.Average():F4} (n = {smaller.Length}); Welch t = {t:F1}, critical {critical:F2}");
        Assert.True(t > critical, $"t = {t:F2}, critical {critical:F2}, means {greater.Average():F4} vs {smaller.Average():F4}");
    }
}
