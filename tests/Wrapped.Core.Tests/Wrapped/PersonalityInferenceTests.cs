using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Wrapped;

/// <summary>
/// A population whose answer is known: simulated listeners, each generated with a personality. Inferring the letters
/// back from their events alone must agree with the generator far more often than chance.
/// </summary>
public sealed class PersonalityInferenceTests
{
    [Fact]
    public void Letters_SimulatedPopulation_AgreeWithTheGeneratedPersonalities()
    {
        var listening = new SimulatedListening(users: 160, start: new DateOnly(2025, 2, 1), days: 45, tracks: 3_000, artists: 700, seed: 5);
        var summaries = listening.Summaries(partSize: 50);
        var medians = PersonalityMedians.Of(summaries.Select(s => (s.Year, s.Scores))).Single();

        var counts = summaries.Aggregate(PersonalityAgreementCounts.None,
            (sum, s) => sum.Add(medians.Classify(s.Scores), Personality.Parse(s.GeneratedPersonality!)));
        var agreement = counts.ToShares()!;

        Assert.Equal(160, agreement.Compared);
        // Chance is 0.5 a letter and 1/16 for the code; the median split alone costs a few listeners per letter.
        Assert.True(agreement.FamiliarityExploration >= 0.9, $"F/E {agreement.FamiliarityExploration}");
        Assert.True(agreement.TimelessnessNewness >= 0.9, $"T/N {agreement.TimelessnessNewness}");
        Assert.True(agreement.LoyaltyVariety >= 0.9, $"L/V {agreement.LoyaltyVariety}");
        Assert.True(agreement.CommonalityUniqueness >= 0.9, $"C/U {agreement.CommonalityUniqueness}");
        Assert.True(agreement.ExactMatch >= 0.75, $"exact {agreement.ExactMatch}");
    }
}
