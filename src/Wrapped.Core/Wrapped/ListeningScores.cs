namespace Wrapped.Core.Wrapped;

/// <summary>
/// A listener-year's four personality scores, each the mean of a per-play measure; a letter says which side of the
/// population's median the score is on (see <see cref="PersonalityMedians"/>).
/// </summary>
/// <param name="Familiarity">Share of plays whose artist the listener had already played (since the run's start).</param>
/// <param name="Newness">Mean newness_score of the plays.</param>
/// <param name="Loyalty">Share of plays that repeat the previous play's track or artist.</param>
/// <param name="Commonality">
/// Mean share of a play's alternatives that its track beats in popularity (ties count half): 0.5 for a listener
/// indifferent to popularity, more for one who prefers popular tracks.
/// </param>
public sealed record ListeningScores(double Familiarity, double Newness, double Loyalty, double Commonality);
