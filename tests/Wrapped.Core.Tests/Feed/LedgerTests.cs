using Wrapped.Core.Feed;

namespace Wrapped.Core.Tests.Feed;

public sealed class LedgerTests
{
    private static readonly DateOnly Day1 = new(2025, 1, 1);
    private static readonly DateOnly Day2 = new(2025, 1, 2);

    [Fact]
    public void Merge_NewDay_IsAppendedInDateOrder()
    {
        var before = new Ledger("part-00000", [new LedgerFile("events/date=2025-01-01/part-00000.avro", 10, "aa", 3)], [new DayTotals(Day1, 3, 1, 0, 1, 100)]);
        var newer = new Ledger("part-00000", [new LedgerFile("events/date=2025-01-02/part-00000.avro", 20, "bb", 5)], [new DayTotals(Day2, 5, 2, 0, 2, 200)]);

        var merged = before.Merge(newer);

        Assert.Equal([Day1, Day2], merged.Days.Select(d => d.Date));
        Assert.Equal(2, merged.Files.Count);
    }

    [Fact]
    public void Merge_SameDayAgain_ReplacesInsteadOfCountingTwice()
    {
        var first = new Ledger("part-00000",
            [new LedgerFile("events/date=2025-01-01/part-00000.avro", 10, "aa", 3), new LedgerFile("state/part-00000.avro", 4, "s1", 1)],
            [new DayTotals(Day1, 3, 1, 0, 1, 100)]);
        var again = new Ledger("part-00000",
            [new LedgerFile("events/date=2025-01-01/part-00000.avro", 10, "aa", 3), new LedgerFile("state/part-00000.avro", 5, "s2", 1)],
            [new DayTotals(Day1, 3, 1, 0, 1, 100)]);

        var merged = first.Merge(again);

        Assert.Single(merged.Days);
        Assert.Equal(3, merged.Days.Sum(d => d.Events));
        Assert.Equal("s2", merged.Files.Single(f => f.Path.StartsWith("state/", StringComparison.Ordinal)).Sha256);
    }

    [Fact]
    public void DayTotals_Add_SumsEveryCount()
    {
        var sum = new DayTotals(Day1, 1, 2, 3, 4, 5).Add(new DayTotals(Day1, 10, 20, 30, 40, 50));

        Assert.Equal(new DayTotals(Day1, 11, 22, 33, 44, 55), sum);
    }
}
