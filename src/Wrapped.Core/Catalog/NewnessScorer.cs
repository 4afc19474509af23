using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>Step 6: how new each track is, 1 for the newest of the catalog and 0 for the oldest.</summary>
public static class NewnessScorer
{
    private const int DaysPerMonth = 30;

    /// <summary>
    /// Months from release to <paramref name="referenceDate"/>: a year-only date counts whole years, the release year
    /// included; others count whole 30-day months, floored (so a release after the reference date is negative).
    /// An unreadable date counts as 0 months, as the reference did.
    /// </summary>
    public static int MonthsElapsed(ReleaseDate? releaseDate, DateOnly referenceDate)
    {
        if (releaseDate is not { } date)
        {
            return 0;
        }

        if (date.IsYearOnly)
        {
            return (referenceDate.Year - date.Year + 1) * 12;
        }

        var days = referenceDate.DayNumber - date.FirstDay.DayNumber;
        return (int)Math.Floor(days / (double)DaysPerMonth);
    }

    /// <summary>1 − min–max normalised months, clipped to [0, 1]; all 1 when every track is equally old.</summary>
    public static double[] Scores(IReadOnlyList<int> monthsElapsed)
    {
        var scores = new double[monthsElapsed.Count];
        if (scores.Length == 0)
        {
            return scores;
        }

        var min = monthsElapsed.Min();
        var max = monthsElapsed.Max();
        if (min == max)
        {
            Array.Fill(scores, 1.0);
            return scores;
        }

        double span = max - min;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Clamp(1.0 - ((monthsElapsed[i] - min) / span), 0.0, 1.0);
        }

        return scores;
    }
}
