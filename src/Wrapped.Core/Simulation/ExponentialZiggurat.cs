namespace Wrapped.Core.Simulation;

/// <summary>
/// Exp(1) by Marsaglia and Tsang's ziggurat (2000): the density is covered by 256 layers of equal area, and about
/// 98.9% of draws land inside a layer's inner rectangle, costing one 64-bit random number, a table read and a
/// multiply. The simulator draws two or three exponentials a play; with a logarithm each, they were a fifth of
/// its time.
/// </summary>
/// <remarks>
/// Exact in distribution: the rejection step and the memoryless tail make it Exp(1), not an approximation. The
/// tables are computed once with <see cref="Math.Exp"/> and <see cref="Math.Log"/>, under the same platform
/// caveat as <see cref="RandomStream"/>.
/// </remarks>
internal static class ExponentialZiggurat
{
    internal const int Layers = 256;

    /// <summary>Where the tail begins: the right edge of the bottom layer's rectangle.</summary>
    internal const double TailStart = 7.69711747013104972;

    /// <summary>Each layer's area, the bottom one including the tail beyond <see cref="TailStart"/>.</summary>
    internal const double LayerArea = 0.0039496598225815571993;

    // Edges[i] is layer i's width, decreasing from the bottom: Edges[0] = LayerArea / e^-TailStart (the bottom
    // layer as if its tail were a rectangle), Edges[1] = TailStart, ..., Edges[256] = 0. Heights[i] = e^-Edges[i].
    private static readonly double[] Edges = BuildEdges();
    private static readonly double[] Heights = Array.ConvertAll(Edges, x => Math.Exp(-x));

    internal static ReadOnlySpan<double> LayerEdges => Edges;

    public static double Sample(ref RandomStream rng)
    {
        while (true)
        {
            var bits = rng.NextUInt64();
            // The low 8 bits pick the layer; the top 53, disjoint from them, the position in it.
            var layer = (int)(bits & (Layers - 1));
            var x = (bits >> 11) * (1.0 / (1UL << 53)) * Edges[layer];
            if (x < Edges[layer + 1])
            {
                return x;
            }
            if (layer == 0)
            {
                // Beyond the bottom rectangle: the tail, which for an exponential is the start plus another Exp(1).
                return TailStart - Math.Log(1.0 - rng.NextDouble());
            }
            // In the sliver between the inner rectangle and the curve: accept under the density.
            var y = Heights[layer] + (Heights[layer + 1] - Heights[layer]) * rng.NextDouble();
            if (y < Math.Exp(-x))
            {
                return x;
            }
        }
    }

    private static double[] BuildEdges()
    {
        var edges = new double[Layers + 1];
        edges[0] = LayerArea / Math.Exp(-TailStart);
        edges[1] = TailStart;
        for (var i = 1; i < Layers - 1; i++)
        {
            // Layer i spans heights e^-edges[i] .. e^-edges[i+1] at width edges[i], with area LayerArea.
            edges[i + 1] = -Math.Log(LayerArea / edges[i] + Math.Exp(-edges[i]));
        }
        edges[Layers] = 0;
        return edges;
    }
}
