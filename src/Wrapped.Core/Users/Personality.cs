namespace Wrapped.Core.Users;

/// <summary>
/// The four listening dimensions of the reference, one letter each:
/// Familiarity/Exploration, Timelessness/Newness, Loyalty/Variety, Commonality/Uniqueness.
/// </summary>
public readonly record struct Personality(bool Familiar, bool Newness, bool Loyal, bool Common)
{
    /// <summary>The 4-letter code, e.g. <c>FNLC</c>.</summary>
    public string Code => string.Create(4, this, static (span, p) =>
    {
        span[0] = p.Familiar ? 'F' : 'E';
        span[1] = p.Newness ? 'N' : 'T';
        span[2] = p.Loyal ? 'L' : 'V';
        span[3] = p.Common ? 'C' : 'U';
    });

    public override string ToString() => Code;

    public static Personality Parse(string code)
    {
        if (code is not { Length: 4 }
            || code[0] is not ('F' or 'E') || code[1] is not ('T' or 'N')
            || code[2] is not ('L' or 'V') || code[3] is not ('C' or 'U'))
        {
            throw new FormatException($"'{code}' is not a personality code: expected one of F/E, T/N, L/V, C/U in that order, e.g. FNLC.");
        }
        return new Personality(code[0] == 'F', code[1] == 'N', code[2] == 'L', code[3] == 'C');
    }
}
