using Wrapped.Core.Users;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// One year's population medians of the four scores, and the letters they give: a score above its median gives the
/// first letter of its pair (F, N, L, C), at or below it the second (E, T, V, U). Medians are per year because a
/// year's scores are comparable only with the same year's (a partial year has fewer plays, a later one more heard artists).
/// </summary>
/// <param name="Listeners">How many listener-years the medians were taken over.</param>
public sealed record PersonalityMedians(int Year, long Listeners, double Familiarity, double Newness, double Loyalty, double Commonality)
{
    public Personality Classify(ListeningScores scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return new Personality(
            Familiar: scores.Familiarity > Familiarity,
            Newness: scores.Newness > Newness,
            Loyal: scores.Loyalty > Loyalty,
            Common: scores.Commonality > Commonality);
    }

    /// <summary>The medians of each year present in <paramref name="scores"/>, by year.</summary>
    public static IReadOnlyList<PersonalityMedians> Of(IEnumerable<(int Year, ListeningScores Scores)> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores
            .GroupBy(s => s.Year)
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var year = g.Select(s => s.Scores).ToList();
                return new PersonalityMedians(
                    g.Key,
                    year.Count,
                    Median(year.Select(s => s.Familiarity)),
                    Median(year.Select(s => s.Newness)),
                    Median(year.Select(s => s.Loyalty)),
                    Median(year.Select(s => s.Commonality)));
            })
            .ToList();
    }

    /// <summary>The middle value, or the mean of the two middle values of an even count.</summary>
    public static double Median(IEnumerable<double> values)
    {
        var sorted = values.ToArray();
        if (sorted.Length == 0) throw new ArgumentException("The median of no value is undefined.", nameof(values));
        Array.Sort(sorted);
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
