namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// Picks an index with probability proportional to its weight by cutting one uniform at the cumulative weights, in
/// the order given: the first index whose cut point lies above the draw. That order is part of the draw (the
/// reference's long sessions cut 3, 0, 1, 2), so the cut points are the running sums divided by the total, exactly as
/// the reference's constants were written.
/// </summary>
internal sealed class WeightedChoice
{
    private readonly double[] _cuts;

    public WeightedChoice(IReadOnlyList<double> weights)
    {
        if (weights.Count == 0) throw new ArgumentException("A choice needs at least one weight.", nameof(weights));
        var total = 0.0;
        foreach (var w in weights) total += w;
        if (!(total > 0) || double.IsInfinity(total)) throw new ArgumentException("The weights must sum to a positive, finite number.", nameof(weights));
        _cuts = new double[weights.Count];
        var sum = 0.0;
        for (var i = 0; i < weights.Count; i++)
        {
            sum += weights[i];
            _cuts[i] = sum / total;
        }
    }

    public int Count => _cuts.Length;

    /// <summary>The share of the draws index <paramref name="i"/> gets.</summary>
    public double Probability(int i) => _cuts[i] - (i == 0 ? 0 : _cuts[i - 1]);

    /// <param name="u">Uniform in [0, 1).</param>
    public int Index(double u)
    {
        var cuts = _cuts;
        if (cuts.Length <= 8)
        {
            for (var i = 0; i < cuts.Length - 1; i++)
            {
                if (u < cuts[i]) return i;
            }
            return cuts.Length - 1;
        }
        int lo = 0, hi = cuts.Length - 1;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (u < cuts[mid]) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }
}
