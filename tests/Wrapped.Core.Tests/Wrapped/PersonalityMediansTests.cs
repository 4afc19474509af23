using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class PersonalityMediansTests
{
    [Fact]
    public void Of_TwoYears_MediansPerYearOfEachScore()
    {
        var medians = PersonalityMedians.Of(
        [
            (2025, new ListeningScores(0.9, 0.2, 0.5, 0.60)),
            (2024, new ListeningScores(0.1, 0.1, 0.1, 0.10)),
            (2025, new ListeningScores(0.7, 0.8, 0.1, 0.40)),
            (2025, new ListeningScores(0.8, 0.5, 0.3, 0.55)),
            (2025, new ListeningScores(0.6, 0.4, 0.9, 0.45)),
        ]);

        Assert.Equal([2024, 2025], medians.Select(m => m.Year));
        Assert.Equal(new PersonalityMedians(2024, 1, 0.1, 0.1, 0.1, 0.1), medians[0]);
        // Four values: the mean of the two middle ones.
        Assert.Equal(4, medians[1].Listeners);
        Assert.Equal((0.7 + 0.8) / 2, medians[1].Familiarity, 12);
        Assert.Equal((0.4 + 0.5) / 2, medians[1].Newness, 12);
        Assert.Equal((0.3 + 0.5) / 2, medians[1].Loyalty, 12);
        Assert.Equal((0.45 + 0.55) / 2, medians[1].Commonality, 12);
    }

    [Fact]
    public void Classify_ScoresEitherSideOfTheMedians_FirstLetterAboveSecondAtOrBelow()
    {
        var medians = new PersonalityMedians(2025, 100, 0.5, 0.5, 0.5, 0.5);

        Assert.Equal("FNLC", medians.Classify(new ListeningScores(0.6, 0.51, 0.9, 0.500001)).Code);
        Assert.Equal("ETVU", medians.Classify(new ListeningScores(0.5, 0.49, 0.1, 0.5)).Code);
        Assert.Equal("ENVC", medians.Classify(new ListeningScores(0.2, 0.7, 0.3, 0.8)).Code);
    }

    [Fact]
    public void Agreement_CountsEachDimensionAndExactMatches()
    {
        var counts = PersonalityAgreementCounts.None
            .Add(Personality.Parse("FNLC"), Personality.Parse("FNLC"))
            .Add(Personality.Parse("FNLC"), Personality.Parse("ENLU"))
            .Add(Personality.Parse("ETVU"), Personality.Parse("ETVC"))
            .Add(Personality.Parse("ETVU"), Personality.Parse("FNLC"));

        Assert.Equal(new PersonalityAgreementCounts(4, 2, 3, 3, 1, 1), counts);
        Assert.Equal(new PersonalityAgreement(4, 0.5, 0.75, 0.75, 0.25, 0.25), counts.ToShares());
        Assert.Null(PersonalityAgreementCounts.None.ToShares());
    }
}
