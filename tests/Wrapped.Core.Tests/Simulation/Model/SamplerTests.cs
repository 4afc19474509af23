using MathNet.Numerics.Distributions;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;

namespace Wrapped.Core.Tests.Simulation.Model;

public sealed class SamplerTests
{
    [Fact]
    public void HourCurve_ManyDraws_FollowTheWeights()
    {
        double[] weights = [1.6, 0.9, 0.5, 0.35, 0.35, 0.8, 2.2, 4.2, 5.2, 5.4, 5.5, 5.5, 5.1, 5.5, 5.9, 6.3, 6.1, 5.8, 5.2, 4.7, 4.3, 3.8, 3.1, 0];
        var curve = new HourCurve(weights);
        var rng = new RandomStream(7);
        var counts = new long[24];
        for (var i = 0; i < 1_000_000; i++)
        {
            counts[curve.Hour(rng.NextDouble())]++;
        }

        var chi2 = SamplingBounds.ChiSquare(counts[..23], weights[..23].Select(w => w / weights.Sum()).ToArray());
        Assert.True(chi2 < ChiSquared.InvCDF(22, 0.99), $"chi² = {chi2:F1}");
        Assert.Equal(0, counts[23]);
        Assert.Equal(weights.Select(w => w / weights.Sum()), curve.Probabilities);
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.0199999, 0)]
    [InlineData(0.02, 1)]
    [InlineData(0.0999999, 1)]
    [InlineData(0.1, 2)]
    [InlineData(0.4999999, 2)]
    [InlineData(0.5, 3)]
    [InlineData(0.9999999, 3)]
    public void WeightedChoice_ReferenceLongSessions_CutsAtTheRunningSumsInOrder(double u, int index)
    {
        // The reference drew u < .02 → 3 sessions, < .10 → 0, < .50 → 1, else 2: the same cuts.
        var choice = new WeightedChoice([0.02, 0.08, 0.40, 0.50]);

        Assert.Equal(index, choice.Index(u));
    }

    [Fact]
    public void WeightedChoice_ManyWeights_ZeroWeightsNeverChosenAndSharesFollowWeights()
    {
        var weights = Enumerable.Range(0, 40).Select(i => i % 5 == 0 ? 0.0 : i).ToArray();
        var choice = new WeightedChoice(weights);
        var rng = new RandomStream(11);
        var counts = new long[40];
        for (var i = 0; i < 400_000; i++)
        {
            counts[choice.Index(rng.NextDouble())]++;
        }

        Assert.All(Enumerable.Range(0, 40).Where(i => weights[i] == 0), i => Assert.Equal(0, counts[i]));
        var positive = Enumerable.Range(0, 40).Where(i => weights[i] > 0).ToArray();
        var chi2 = SamplingBounds.ChiSquare(positive.Select(i => counts[i]).ToArray(), positive.Select(i => weights[i] / weights.Sum()).ToArray());
        Assert.True(chi2 < ChiSquared.InvCDF(positive.Length - 1, 0.99), $"chi² = {chi2:F1}");
        Assert.Equal(weights[7] / weights.Sum(), choice.Probability(7), 12);
    }
}
