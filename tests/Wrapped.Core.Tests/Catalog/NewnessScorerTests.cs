using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;

namespace Wrapped.Core.Tests.Catalog;

public sealed class NewnessScorerTests
{
    private static readonly DateOnly Reference = new(2024, 1, 1);

    private static int Months(string? text) => NewnessScorer.MonthsElapsed(ReleaseDateParser.Parse(text, DayMonthOrder.DayFirst), Reference);

    [Fact]
    public void MonthsElapsed_YearOnly_CountsReleaseYearInclusive()
    {
        Assert.Equal(12, Months("2024"));
        Assert.Equal((2024 - 2000 + 1) * 12, Months("2000"));
    }

    [Fact]
    public void MonthsElapsed_FullDate_IsWholeDaysOverThirty()
    {
        // 2023-01-01 → 2024-01-01 is 365 days: 365 / 30 = 12.
        Assert.Equal(12, Months("2023-01-01"));
        // 29 days is not yet a month.
        Assert.Equal(0, Months("2023-12-03"));
        Assert.Equal(1, Months("2023-12-02"));
    }

    [Fact]
    public void MonthsElapsed_YearMonth_CountsFromFirstOfMonth()
    {
        // 2023-06-01 → 2024-01-01 is 214 days: 214 / 30 = 7.
        Assert.Equal(7, Months("2023-06"));
    }

    [Fact]
    public void MonthsElapsed_ReleaseAfterReference_FloorsTowardMinusInfinity()
    {
        // 2024-01-11 is 10 days after: -10 / 30 floors to -1, not 0.
        Assert.Equal(-1, Months("2024-01-11"));
    }

    [Fact]
    public void MonthsElapsed_Unparseable_IsZero()
    {
        Assert.Equal(0, Months("not a date"));
        Assert.Equal(0, Months(null));
    }

    [Fact]
    public void Scores_MinMax_InvertedSoNewestIsOne()
    {
        var scores = NewnessScorer.Scores([0, 50, 100, 25]);

        Assert.Equal([1.0, 0.5, 0.0, 0.75], scores);
    }

    [Fact]
    public void Scores_AllEqual_AreAllOne() => Assert.Equal([1.0, 1.0], NewnessScorer.Scores([36, 36]));

    [Fact]
    public void Scores_HandComputedCatalog_MatchesFormula()
    {
        // "2024" → 12, "2000" → 300, "2023-06" → 7, unparseable → 0: min 0, max 300.
        int[] months = [Months("2024"), Months("2000"), Months("2023-06"), Months("??")];

        var scores = NewnessScorer.Scores(months);

        Assert.Equal([12, 300, 7, 0], months);
        Assert.Equal(1 - (12 / 300.0), scores[0], 12);
        Assert.Equal(0.0, scores[1]);
        Assert.Equal(1 - (7 / 300.0), scores[2], 12);
        Assert.Equal(1.0, scores[3]);
    }
}
