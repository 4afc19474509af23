namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// Draws a local hour (0–23) with probability proportional to its weight in constant time: Walker's alias method
/// (Vose's construction), one uniform a draw, whose integer part picks a column and whose fraction picks the column's
/// hour or its alias. A session's start hour is drawn a few times a user-day; a search of the cumulative weights
/// would mispredict a branch at each of its steps.
/// </summary>
internal sealed class HourCurve
{
    public const int Hours = 24;

    private readonly double[] _keep = new double[Hours];
    private readonly int[] _alias = new int[Hours];

    public HourCurve(IReadOnlyList<double> weights)
    {
        if (weights.Count != Hours) throw new ArgumentException($"An hour curve has {Hours} weights, not {weights.Count}.", nameof(weights));
        var total = weights.Sum();
        if (!(total > 0) || double.IsInfinity(total)) throw new ArgumentException("The weights must sum to a positive, finite number.", nameof(weights));
        Probabilities = weights.Select(w => w / total).ToArray();

        var scaled = Probabilities.Select(p => p * Hours).ToArray();
        var small = new Stack<int>();
        var large = new Stack<int>();
        for (var h = Hours - 1; h >= 0; h--)
        {
            (scaled[h] < 1 ? small : large).Push(h);
        }
        while (small.Count > 0 && large.Count > 0)
        {
            var s = small.Pop();
            var l = large.Pop();
            _keep[s] = scaled[s];
            _alias[s] = l;
            scaled[l] = scaled[l] + scaled[s] - 1;
            (scaled[l] < 1 ? small : large).Push(l);
        }
        // What is left is 1 up to rounding.
        foreach (var h in large.Concat(small))
        {
            _keep[h] = 1;
            _alias[h] = h;
        }
    }

    /// <summary>Each hour's share of the draws, as the weights say.</summary>
    public IReadOnlyList<double> Probabilities { get; }

    /// <param name="u">Uniform in [0, 1).</param>
    public int Hour(double u)
    {
        var x = u * Hours;
        var column = (int)x;
        return x - column < _keep[column] ? column : _alias[column];
    }
}
