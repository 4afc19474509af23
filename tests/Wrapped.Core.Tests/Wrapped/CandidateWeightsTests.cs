using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class CandidateWeightsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(93)]
    [InlineData(24_016)]
    public void Fill_AnySize_IsADistributionAndTheMirrorOfItself(int size)
    {
        var ascending = new double[size];
        var descending = new double[size];

        new CandidateWeights(size).Fill(ascending, descending);

        Assert.Equal(1.0, ascending.Sum(), 9);
        Assert.Equal(ascending.Reverse(), descending);
        // P(index = 0) = P(x < 1) for x exponential of rate 3 / size.
        Assert.Equal(size == 1 ? 1 : 1 - Math.Exp(-3.0 / size), ascending[0], 12);
    }

    [Fact]
    public void At_LastPosition_TakesTheTailBeyondTheSubset()
    {
        var weights = new CandidateWeights(3);

        // P(x ≥ 2) = e^(−3 · 2 / 3).
        Assert.Equal(Math.Exp(-2), weights.At(2), 12);
        Assert.Equal(Math.Exp(-1) - Math.Exp(-2), weights.At(1), 12);
    }
}
