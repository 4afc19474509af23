using System.Runtime.CompilerServices;

namespace Wrapped.Core.Simulation;

/// <summary>
/// A density that decreases on [0, ∞), unnormalised with f(0) = 1, described for <see cref="Ziggurat{TShape}"/>:
/// where its 256-layer ziggurat's tail starts, the common area of the layers, and how to draw from the tail.
/// </summary>
internal interface IZigguratShape
{
    /// <summary>The right edge of the bottom layer's rectangle, beyond which <see cref="SampleTail"/> draws.</summary>
    static abstract double TailStart { get; }

    /// <summary>Each layer's area, the bottom one including the tail.</summary>
    static abstract double LayerArea { get; }

    /// <summary>Whether the distribution is the density mirrored about 0 (a random sign), not the density on [0, ∞).</summary>
    static abstract bool Symmetric { get; }

    static abstract double Density(double x);

    static abstract double InverseDensity(double y);

    /// <summary>A value beyond <see cref="TailStart"/>, distributed as the density's tail.</summary>
    static abstract double SampleTail(ref RandomStream rng);
}

/// <summary>
/// Marsaglia and Tsang's ziggurat (2000): the density is covered by 256 layers of equal area, and about 99% of
/// draws land inside a layer's inner rectangle, costing one 64-bit random number, a table read and a multiply.
/// The simulator draws two or three exponentials a play and a few normals a day; with Box–Muller and a logarithm
/// per exponential, those were a fifth of its time.
/// </summary>
/// <remarks>
/// Exact in distribution, not an approximation: the rejection step and the tail sampler complete it. The tables
/// are computed once with <see cref="Math.Exp"/>, <see cref="Math.Log"/> and <see cref="Math.Sqrt"/>, under the
/// same platform caveat as <see cref="RandomStream"/>. <typeparamref name="TShape"/> is a struct so that the JIT
/// compiles the loop for each shape with its density inlined.
/// </remarks>
internal static class Ziggurat<TShape>
    where TShape : struct, IZigguratShape
{
    public const int Layers = 256;

    // Edges[i] is layer i's width, decreasing from the bottom: Edges[0] = LayerArea / f(TailStart) (the bottom layer
    // as if its tail were a rectangle), Edges[1] = TailStart, ..., Edges[256] = 0. Heights[i] = f(Edges[i]).
    private static readonly double[] Edges = BuildEdges();
    private static readonly double[] Heights = Array.ConvertAll(Edges, x => TShape.Density(x));

    public static ReadOnlySpan<double> LayerEdges => Edges;

    /// <summary>
    /// The inner-rectangle case inline, about 99% of draws; the rest, with its loop, out of line. A call per draw kept
    /// the random stream's state in memory across it, on the path from one play to the next.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Sample(ref RandomStream rng)
    {
        var bits = rng.NextUInt64();
        // Bits 0–7 pick the layer, bit 8 the sign, the top 53 the position in the layer: disjoint, so independent.
        var layer = (int)(bits & (Layers - 1));
        var x = (bits >> 11) * (1.0 / (1UL << 53)) * Edges[layer];
        if (x < Edges[layer + 1])
        {
            return TShape.Symmetric && (bits & Layers) != 0 ? -x : x;
        }
        return SampleOutside(ref rng, bits, x);
    }

    /// <summary>The draw <paramref name="bits"/> fell outside its layer's inner rectangle at <paramref name="x"/>.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static double SampleOutside(ref RandomStream rng, ulong bits, double x)
    {
        while (true)
        {
            var layer = (int)(bits & (Layers - 1));
            var negative = TShape.Symmetric && (bits & Layers) != 0;
            if (x >= Edges[layer + 1])
            {
                if (layer == 0)
                {
                    x = TShape.SampleTail(ref rng);
                }
                else if (Heights[layer] + (Heights[layer + 1] - Heights[layer]) * rng.NextDouble() >= TShape.Density(x))
                {
                    // Outside the inner rectangle and above the curve: draw again.
                    bits = rng.NextUInt64();
                    x = (bits >> 11) * (1.0 / (1UL << 53)) * Edges[(int)(bits & (Layers - 1))];
                    continue;
                }
            }
            return negative ? -x : x;
        }
    }

    private static double[] BuildEdges()
    {
        var edges = new double[Layers + 1];
        edges[0] = TShape.LayerArea / TShape.Density(TShape.TailStart);
        edges[1] = TShape.TailStart;
        for (var i = 1; i < Layers - 1; i++)
        {
            // Layer i spans heights f(edges[i]) .. f(edges[i+1]) at width edges[i], with the common area.
            edges[i + 1] = TShape.InverseDensity(TShape.LayerArea / edges[i] + TShape.Density(edges[i]));
        }
        edges[Layers] = 0;
        return edges;
    }
}

/// <summary>Exp(1): f(x) = e^(−x); its tail is the start plus another Exp(1).</summary>
internal readonly struct ExponentialShape : IZigguratShape
{
    public static double TailStart => 7.69711747013104972;
    public static double LayerArea => 0.0039496598225815571993;
    public static bool Symmetric => false;
    public static double Density(double x) => Math.Exp(-x);
    public static double InverseDensity(double y) => -Math.Log(y);
    public static double SampleTail(ref RandomStream rng) => TailStart - Math.Log(1.0 - rng.NextDouble());
}

/// <summary>The standard normal: f(x) = e^(−x²/2), with Marsaglia's (1964) method for the tail.</summary>
internal readonly struct NormalShape : IZigguratShape
{
    public static double TailStart => 3.6541528853610088;
    public static double LayerArea => 0.00492867323399;
    public static bool Symmetric => true;
    public static double Density(double x) => Math.Exp(-0.5 * x * x);
    public static double InverseDensity(double y) => Math.Sqrt(-2.0 * Math.Log(y));

    public static double SampleTail(ref RandomStream rng)
    {
        // For x = −ln(U₁)/r and y = −ln(U₂), accepting 2y ≥ x² leaves r + x distributed as the tail.
        double x, y;
        do
        {
            x = -Math.Log(1.0 - rng.NextDouble()) / TailStart;
            y = -Math.Log(1.0 - rng.NextDouble());
        }
        while (y + y < x * x);
        return TailStart + x;
    }
}
