using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>Acceptance bounds from sampling error, at a false-alarm rate of 0.001 or 4 standard errors.</summary>
internal static class SamplingBounds
{
    public const double Alpha = 0.001;
    public const double StandardErrors = 4;

    public static double ChiSquare(IReadOnlyList<long> observed, IReadOnlyList<double> probabilities)
    {
        var n = observed.Sum();
        return observed.Select((o, i) => Math.Pow(o - n * probabilities[i], 2) / (n * probabilities[i])).Sum();
    }

    public static double ChiSquareCritical(int degreesOfFreedom) => ChiSquared.InvCDF(degreesOfFreedom, 1 - Alpha);

    /// <summary>Welch's t for mean(a) − mean(b) and the one-sided critical value at <see cref="Alpha"/>.</summary>
    public static (double T, double Critical) WelchGreater(IReadOnlyCollection<double> a, IReadOnlyCollection<double> b)
    {
        var va = a.Variance() / a.Count;
        var vb = b.Variance() / b.Count;
        var t = (a.Average() - b.Average()) / Math.Sqrt(va + vb);
        var df = Math.Pow(va + vb, 2) / (va * va / (a.Count - 1) + vb * vb / (b.Count - 1));
        return (t, StudentT.InvCDF(0, 1, df, 1 - Alpha));
    }

    /// <summary>E[max(0, ⌊X⌋)] for X ~ N(mean, sd): the sum over k ≥ 1 of P(X ≥ k).</summary>
    public static double ExpectedFlooredNormal(double mean, double sd)
    {
        var sum = 0.0;
        for (var k = 1; k < mean + 40 * sd; k++)
        {
            sum += 1 - Normal.CDF(mean, sd, k);
        }
        return sum;
    }
}
