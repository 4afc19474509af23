namespace Wrapped.Core.Simulation;

/// <summary>
/// The standard normal by Marsaglia and Tsang's ziggurat (2000), as <see cref="ExponentialZiggurat"/>: 256 layers
/// of equal area under e^(−x²/2), a random sign, and Marsaglia's tail method beyond the last layer. Box–Muller
/// cost a logarithm, a cosine and a square root for each of a user-day's eight or so normal draws.
/// </summary>
internal static class NormalZiggurat
{
    internal const int Layers = 256;

    /// <summary>Where the tail begins: the right edge of the bottom layer's rectangle.</summary>
    internal const double TailStart = 3.6541528853610088;

    /// <summary>Each layer's area under e^(−x²/2), the bottom one including the tail beyond <see cref="TailStart"/>.</summary>
    internal const double LayerArea = 0.00492867323399;

    // As ExponentialZiggurat: Edges[i] is layer i's width, decreasing from the bottom, Edges[256] = 0; Heights[i] = e^(−Edges[i]²/2).
    private static readonly double[] Edges = BuildEdges();
    private static readonly double[] Heights = Array.ConvertAll(Edges, Density);

    internal static ReadOnlySpan<double> LayerEdges => Edges;

    public static double Sample(ref RandomStream rng)
    {
        while (true)
        {
            var bits = rng.NextUInt64();
            // Bits 0–7 pick the layer, bit 8 the sign, the top 53 the position: disjoint, so independent.
            var layer = (int)(bits & (Layers - 1));
            var negative = (bits & Layers) != 0;
            var x = (bits >> 11) * (1.0 / (1UL << 53)) * Edges[layer];
            if (x < Edges[layer + 1])
            {
                return negative ? -x : x;
            }
            if (layer == 0)
            {
                // Marsaglia (1964): for x = −ln(U₁)/r and y = −ln(U₂), accepting 2y > x² leaves r + x distributed as the tail.
                double tail, y;
                do
                {
                    tail = -Math.Log(1.0 - rng.NextDouble()) / TailStart;
                    y = -Math.Log(1.0 - rng.NextDouble());
                }
                while (y + y < tail * tail);
                return negative ? -(TailStart + tail) : TailStart + tail;
            }
            var height = Heights[layer] + (Heights[layer + 1] - Heights[layer]) * rng.NextDouble();
            if (height < Density(x))
            {
                return negative ? -x : x;
            }
        }
    }

    private static double Density(double x) => Math.Exp(-0.5 * x * x);

    private static double[] BuildEdges()
    {
        var edges = new double[Layers + 1];
        edges[0] = LayerArea / Density(TailStart);
        edges[1] = TailStart;
        for (var i = 1; i < Layers - 1; i++)
        {
            // Layer i spans heights f(edges[i]) .. f(edges[i+1]) at width edges[i], with area LayerArea.
            edges[i + 1] = Math.Sqrt(-2.0 * Math.Log(LayerArea / edges[i] + Density(edges[i])));
        }
        edges[Layers] = 0;
        return edges;
    }
}
