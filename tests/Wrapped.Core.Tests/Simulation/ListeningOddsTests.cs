using Wrapped.Core.Simulation;
using Wrapped.Core.Users;

namespace Wrapped.Core.Tests.Simulation;

public sealed class ListeningOddsTests
{
    // SPEC section 4, written out as the shares of the four outcomes of one play:
    // replay = very loyal; previous artist = (1 − very loyal) × loyal; heard = (1 − very loyal)(1 − loyal) × familiar; the rest the catalog.
    [Theory]
    [InlineData("FTLC", 0.20, 0.80 * 0.50, 0.80 * 0.50 * 0.95)]
    [InlineData("FTVC", 0.05, 0.95 * 0.10, 0.95 * 0.90 * 0.95)]
    [InlineData("ENLU", 0.20, 0.80 * 0.50, 0.80 * 0.50 * 0.50)]
    [InlineData("ENVU", 0.05, 0.95 * 0.10, 0.95 * 0.90 * 0.50)]
    public void CutPoints_GiveTheCascadesShares(string personality, double replay, double previousArtist, double heard)
    {
        var odds = ListeningOdds.For(Personality.Parse(personality));

        Assert.Equal(replay, odds.ReplayBelow, 12);
        Assert.Equal(previousArtist, odds.LoyalBelow - odds.ReplayBelow, 12);
        Assert.Equal(heard, odds.FamiliarBelow - odds.LoyalBelow, 12);
        Assert.Equal(1 - replay - previousArtist - heard, 1 - odds.FamiliarBelow, 12);
    }

    // After a skip there is no replay; the cascade starts at "loyal" with its own probability.
    [Theory]
    [InlineData("FTLC", 0.50, 0.50 * 0.95)]
    [InlineData("ENVU", 0.10, 0.90 * 0.50)]
    public void CutPointsAfterSkip_StartAtLoyal(string personality, double previousArtist, double heard)
    {
        var odds = ListeningOdds.For(Personality.Parse(personality));

        Assert.Equal(previousArtist, odds.LoyalBelowAfterSkip, 12);
        Assert.Equal(heard, odds.FamiliarBelowAfterSkip - odds.LoyalBelowAfterSkip, 12);
    }
}
