using Wrapped.TestSupport;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>
/// Golden values from a fixed seed: any change to a law, to the order of draws or to the generator changes
/// every feed ever produced, so it must show up here and be pinned again deliberately.
/// </summary>
public sealed class GoldenValueTests
{
    [Fact]
    public void SimulateDay_FixedSeedTenUsersSevenDays_EventsArePinned()
    {
        var catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(300, 60, seed: 7));
        var generator = new UserGenerator(2024, new DateOnly(2024, 1, 1));
        var simulator = new ListeningSimulator(catalog, 2024);
        var sink = new CollectingSink();
        for (var u = 0L; u < 10; u++)
        {
            var state = simulator.CreateInitialState(u);
            for (var d = 0; d < 7; d++)
            {
                simulator.SimulateDay(generator.Create(u), state, new DateOnly(2024, 1, 1).AddDays(d), sink);
            }
        }

        var first = sink.Events[0];
        Assert.Equal(ExpectedFirst, (first.Id, first.TimestampMs, catalog.TrackId(first.TrackIndex), first.ListeningTimeMs, first.SessionId));
        Assert.Equal(ExpectedCount, sink.Events.Count);
        var digest = EventDigest.Of(catalog, sink.Events);
        // The whole digest in the message: xunit cuts long strings short, and re-pinning needs all of it.
        Assert.True(digest == ExpectedSha256, $"events digest {digest}, pinned {ExpectedSha256}");
    }

    [Fact]
    public void Create_FixedSeed_UserIsPinned()
    {
        var user = new UserGenerator(2024, new DateOnly(2024, 1, 1)).Create(0);

        Assert.Equal(ExpectedUser, user);
    }

    private static readonly (long, long, string, long, long) ExpectedFirst =
        (2775765482832134144, 1704072064796, "t000046", 280959, 2775765482832134144); // 2024-01-01 01:21:04.796Z, day 19723, user 0, play 0
    private static readonly int ExpectedCount = 2445;
    private const string ExpectedSha256 = "C7AA320B16CDAF49E41EFF1F40AED6D71A9EE369F14B3BFAA94A65C192FADD62";
    private static readonly UserProfile ExpectedUser = new(0, "Niko66", "Lesotho", new DateOnly(1992, 9, 8), Gender.F, Personality.Parse("FNLU"));
}
