using Wrapped.Core.Users;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The probabilities a personality sets for choosing the next track (SPEC section 4), as cut points of one uniform
/// draw: the cascade "very loyal, else loyal, else familiar, else the catalog" takes one random number a play, not
/// three. A uniform u below <see cref="ReplayBelow"/> replays; below <see cref="LoyalBelow"/> picks among the previous
/// artist's tracks; below <see cref="FamiliarBelow"/> among heard artists' tracks; otherwise the whole catalog.
/// After a skip the replay is not allowed, and the cascade starts at "loyal" (the <c>…AfterSkip</c> cut points).
/// </summary>
internal readonly record struct ListeningOdds(
    double ReplayBelow, double LoyalBelow, double FamiliarBelow, double LoyalBelowAfterSkip, double FamiliarBelowAfterSkip,
    bool NewestFirst, bool PreferPopular)
{
    /// <summary>How often the C/U preference wins over the other of the two candidates.</summary>
    public const double PreferenceKept = 0.75;

    public static ListeningOdds For(Personality p) => FromCascade(
        veryLoyal: p.Loyal ? 0.20 : 0.05,
        loyal: p.Loyal ? 0.50 : 0.10,
        familiar: p.Familiar ? 0.95 : 0.50,
        newestFirst: p.Newness,
        preferPopular: p.Common);

    /// <param name="veryLoyal">P(replay).</param>
    /// <param name="loyal">P(previous artist | no replay).</param>
    /// <param name="familiar">P(heard artists | neither of those).</param>
    private static ListeningOdds FromCascade(double veryLoyal, double loyal, double familiar, bool newestFirst, bool preferPopular)
    {
        var notReplay = 1 - veryLoyal;
        return new ListeningOdds(
            ReplayBelow: veryLoyal,
            LoyalBelow: veryLoyal + notReplay * loyal,
            FamiliarBelow: veryLoyal + notReplay * (loyal + (1 - loyal) * familiar),
            LoyalBelowAfterSkip: loyal,
            FamiliarBelowAfterSkip: loyal + (1 - loyal) * familiar,
            NewestFirst: newestFirst,
            PreferPopular: preferPopular);
    }
}
