using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Simulation;

public sealed class ExponentialZigguratTests
{
    private const int N = 1_000_000;

    [Fact]
    public void LayerEdges_FromTheConstants_DecreaseToZeroAndTheTopLayerHasTheCommonArea()
    {
        var edges = Ziggurat<ExponentialShape>.LayerEdges;

        Assert.Equal(Ziggurat<ExponentialShape>.Layers + 1, edges.Length);
        for (var i = 1; i < edges.Length; i++) Assert.True(edges[i] < edges[i - 1], $"edge {i} does not decrease");
        Assert.Equal(0, edges[^1]);
        // The recursion only reaches the density's peak with the right tail start and area: the top layer, between
        // heights e^-edge and 1, must have the same area as the others.
        var top = edges[^2];
        Assert.Equal(ExponentialShape.LayerArea, top * (1 - Math.Exp(-top)), 1e-12);
        // The bottom layer: rectangle to the tail start plus the tail's area e^-r equals the common area too.
        var r = ExponentialShape.TailStart;
        Assert.Equal(ExponentialShape.LayerArea, r * Math.Exp(-r) + Math.Exp(-r), 1e-12);
    }

    [Fact]
    public void Sample_OneMillionDraws_PassChiSquareOver64EquiprobableBins()
    {
        // Bin k of 64 holds [F⁻¹(k/64), F⁻¹((k+1)/64)) with F⁻¹(p) = −ln(1 − p): each has probability 1/64.
        var rng = new RandomStream(11);
        var counts = new long[64];
        for (var i = 0; i < N; i++)
        {
            var x = Ziggurat<ExponentialShape>.Sample(ref rng);
            Assert.True(x >= 0);
            var bin = (int)Math.Floor((1 - Math.Exp(-x)) * 64);
            counts[Math.Min(bin, 63)]++;
        }

        Assert.True(SamplingBounds.ChiSquare(counts, Enumerable.Repeat(1.0 / 64, 64).ToArray()) < SamplingBounds.ChiSquareCritical(63));
    }

    [Fact]
    public void Sample_OneMillionDraws_TailBeyondTheLastLayerHasItsProbability()
    {
        // The tail is drawn by a separate path; its share must be e^-r and its values keep the exponential's shape.
        var rng = new RandomStream(12);
        var r = ExponentialShape.TailStart;
        long beyond = 0, farBeyond = 0;
        for (var i = 0; i < N; i++)
        {
            var x = Ziggurat<ExponentialShape>.Sample(ref rng);
            beyond += x > r ? 1 : 0;
            farBeyond += x > r + 1 ? 1 : 0;
        }

        var p = Math.Exp(-r);
        Assert.InRange(beyond, N * p - 4.5 * Math.Sqrt(N * p), N * p + 4.5 * Math.Sqrt(N * p));
        var q = Math.Exp(-(r + 1));
        Assert.InRange(farBeyond, N * q - 4.5 * Math.Sqrt(N * q), N * q + 4.5 * Math.Sqrt(N * q));
    }

    [Fact]
    public void Sample_SameSeed_SameValues()
    {
        var a = new RandomStream(13);
        var b = new RandomStream(13);
        for (var i = 0; i < 10_000; i++) Assert.Equal(Ziggurat<ExponentialShape>.Sample(ref a), Ziggurat<ExponentialShape>.Sample(ref b));
    }
}
