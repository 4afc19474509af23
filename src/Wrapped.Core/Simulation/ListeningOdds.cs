using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The probabilities a personality sets for choosing the next track (SPEC section 4), as cut points of one uniform
/// draw: the cascade "very loyal, else loyal, else familiar, else the catalog" takes one random number a play, not
/// three. A uniform u below <see cref="ReplayBelow"/> replays; below <see cref="LoyalBelow"/> picks among the previous
/// artist's tracks; below <see cref="FamiliarBelow"/> among heard artists' tracks; otherwise the whole catalog.
/// After a skip the replay is not allowed, and the cascade starts at "loyal" (the <c>…AfterSkip</c> cut points).
/// </summary>
/// <remarks><see cref="PreferenceKept"/> is how often the C/U preference wins over the other of the two candidates.</remarks>
internal readonly record struct ListeningOdds(
    double ReplayBelow, double LoyalBelow, double FamiliarBelow, double LoyalBelowAfterSkip, double FamiliarBelowAfterSkip,
    bool NewestFirst, bool PreferPopular, double PreferenceKept)
{
    /// <summary>The reference model's odds (SPEC section 4).</summary>
    public static ListeningOdds For(Personality p) => For(p, ListeningModel.Reference.Document.TrackChoice);

    public static ListeningOdds For(Personality p, TrackChoiceLaws laws) => FromCascade(
        veryLoyal: p.Loyal ? laws.Replay.L : laws.Replay.V,
        loyal: p.Loyal ? laws.PreviousArtist.L : laws.PreviousArtist.V,
        familiar: p.Familiar ? laws.HeardArtists.F : laws.HeardArtists.E,
        newestFirst: p.Newness,
        preferPopular: p.Common,
        preferenceKept: laws.PreferenceKept);

    /// <summary>The odds of all 16 personalities, indexed by <see cref="IndexOf"/>.</summary>
    public static ListeningOdds[] AllFor(TrackChoiceLaws laws)
    {
        var all = new ListeningOdds[16];
        for (var i = 0; i < all.Length; i++)
        {
            all[i] = For(new Personality(Familiar: (i & 8) != 0, Newness: (i & 4) != 0, Loyal: (i & 2) != 0, Common: (i & 1) != 0), laws);
        }
        return all;
    }

    public static int IndexOf(Personality p) => (p.Familiar ? 8 : 0) | (p.Newness ? 4 : 0) | (p.Loyal ? 2 : 0) | (p.Common ? 1 : 0);

    /// <param name="veryLoyal">P(replay).</param>
    /// <param name="loyal">P(previous artist | no replay).</param>
    /// <param name="familiar">P(heard artists | neither of those).</param>
    private static ListeningOdds FromCascade(double veryLoyal, double loyal, double familiar, bool newestFirst, bool preferPopular, double preferenceKept)
    {
        var notReplay = 1 - veryLoyal;
        return new ListeningOdds(
            ReplayBelow: veryLoyal,
            LoyalBelow: veryLoyal + notReplay * loyal,
            FamiliarBelow: veryLoyal + notReplay * (loyal + (1 - loyal) * familiar),
            LoyalBelowAfterSkip: loyal,
            FamiliarBelowAfterSkip: loyal + (1 - loyal) * familiar,
            NewestFirst: newestFirst,
            PreferPopular: preferPopular,
            PreferenceKept: preferenceKept);
    }
}
