using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Simulation;

public sealed class NormalZigguratTests
{
    private const int N = 1_000_000;

    [Fact]
    public void LayerEdges_FromTheConstants_DecreaseToZeroAndEveryLayerHasTheCommonArea()
    {
        var edges = Ziggurat<NormalShape>.LayerEdges;
        static double F(double x) => Math.Exp(-0.5 * x * x);

        Assert.Equal(Ziggurat<NormalShape>.Layers + 1, edges.Length);
        for (var i = 1; i < edges.Length; i++) Assert.True(edges[i] < edges[i - 1], $"edge {i} does not decrease");
        // Top layer, between heights f(edge) and f(0) = 1, and bottom layer, rectangle plus tail, both of the common area.
        var top = edges[^2];
        Assert.Equal(NormalShape.LayerArea, top * (1 - F(top)), 1e-10);
        var r = NormalShape.TailStart;
        var tail = Math.Sqrt(Math.PI / 2) * SpecialFunctions.Erfc(r / Math.Sqrt(2));
        Assert.Equal(NormalShape.LayerArea, r * F(r) + tail, 1e-10);
    }

    [Fact]
    public void Sample_OneMillionDraws_PassChiSquareOver64EquiprobableBins()
    {
        var rng = new RandomStream(21);
        var counts = new long[64];
        for (var i = 0; i < N; i++)
        {
            var bin = (int)Math.Floor(Normal.CDF(0, 1, Ziggurat<NormalShape>.Sample(ref rng)) * 64);
            counts[Math.Clamp(bin, 0, 63)]++;
        }

        Assert.True(SamplingBounds.ChiSquare(counts, Enumerable.Repeat(1.0 / 64, 64).ToArray()) < SamplingBounds.ChiSquareCritical(63));
    }

    [Fact]
    public void Sample_OneMillionDraws_TailsOnBothSidesHaveTheirProbability()
    {
        // The tails come from a separate path and the sign from its own bit: each side's share must be right.
        var rng = new RandomStream(22);
        var r = NormalShape.TailStart;
        long above = 0, below = 0, farAbove = 0;
        for (var i = 0; i < N; i++)
        {
            var x = Ziggurat<NormalShape>.Sample(ref rng);
            above += x > r ? 1 : 0;
            below += x < -r ? 1 : 0;
            farAbove += x > r + 0.5 ? 1 : 0;
        }

        AssertCount(above, 1 - Normal.CDF(0, 1, r));
        AssertCount(below, Normal.CDF(0, 1, -r));
        AssertCount(farAbove, 1 - Normal.CDF(0, 1, r + 0.5));
    }

    private static void AssertCount(long observed, double p)
    {
        var sd = Math.Sqrt(N * p * (1 - p));
        Assert.InRange(observed, N * p - 4.5 * sd, N * p + 4.5 * sd);
    }
}
