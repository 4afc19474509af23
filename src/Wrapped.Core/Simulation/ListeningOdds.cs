using Wrapped.Core.Users;

namespace Wrapped.Core.Simulation;

/// <summary>The probabilities a personality sets for choosing the next track (SPEC section 4).</summary>
internal readonly record struct ListeningOdds(double VeryLoyal, double Loyal, double Familiar, bool NewestFirst, bool PreferPopular)
{
    /// <summary>How often the C/U preference wins over the other of the two candidates.</summary>
    public const double PreferenceKept = 0.75;

    public static ListeningOdds For(Personality p) => new(
        VeryLoyal: p.Loyal ? 0.20 : 0.05,
        Loyal: p.Loyal ? 0.50 : 0.10,
        Familiar: p.Familiar ? 0.95 : 0.50,
        NewestFirst: p.Newness,
        PreferPopular: p.Common);
}
