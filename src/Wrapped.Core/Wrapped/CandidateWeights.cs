namespace Wrapped.Core.Wrapped;

/// <summary>
/// How likely the simulator is to draw each position of a newness-ordered subset as a candidate (SPEC section 4):
/// index = min(⌊x⌋, size − 1) with x exponential of rate 3 / size, so position k has probability (1 − q)·q^k with
/// q = e^(−3 / size), and the last position also takes the tail beyond it, q^(size − 1).
/// </summary>
internal readonly struct CandidateWeights
{
    private readonly double _ratio;
    private readonly double _first;
    private readonly int _size;

    public CandidateWeights(int size)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        _size = size;
        _ratio = Math.Exp(-3.0 / size);
        _first = 1 - _ratio;
    }

    /// <summary>q: each position is q times as likely as the one before it (but the last).</summary>
    public double Ratio => _ratio;

    /// <summary>The probability of position <paramref name="k"/> (0 = the first in the subset's order).</summary>
    public double At(int k) => k < _size - 1 ? _first * Math.Pow(_ratio, k) : Math.Pow(_ratio, _size - 1);

    /// <summary>
    /// Every position's probability in subset order, then in reverse order (the same subset read newest first), into
    /// the two spans; one multiplication a position.
    /// </summary>
    public void Fill(Span<double> ascending, Span<double> descending)
    {
        var w = _first;
        for (var k = 0; k < _size - 1; k++)
        {
            ascending[k] = w;
            descending[_size - 1 - k] = w;
            w *= _ratio;
        }
        var tail = Math.Pow(_ratio, _size - 1);
        ascending[_size - 1] = tail;
        descending[0] = tail;
    }
}
