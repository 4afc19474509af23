using Wrapped.Core.Csv;

namespace Wrapped.Core.Tests.Csv;

public sealed class ReleaseDateParserTests
{
    [Theory]
    [InlineData("1942", "1942")]
    [InlineData("1999-07", "1999-07")]
    [InlineData("1999-07-04", "1999-07-04")]
    [InlineData("1999/07/04", "1999-07-04")]
    [InlineData("1999-07-04T13:45:00Z", "1999-07-04")]
    [InlineData("1999-07-04 13:45:00", "1999-07-04")]
    [InlineData("1999-07-04T23:30:00-05:00", "1999-07-04")]
    [InlineData(" 1999-07-04 ", "1999-07-04")]
    public void Parse_YearFirstFormats_ReadTheSameInEitherOrder(string text, string expected)
    {
        Assert.Equal(expected, ReleaseDateParser.Parse(text, DayMonthOrder.DayFirst)?.ToString());
        Assert.Equal(expected, ReleaseDateParser.Parse(text, DayMonthOrder.MonthFirst)?.ToString());
    }

    [Theory]
    [InlineData("04/07/1999", "1999-07-04", "1999-04-07")]
    [InlineData("04-07-1999", "1999-07-04", "1999-04-07")]
    [InlineData("4.7.1999", "1999-07-04", "1999-04-07")]
    [InlineData("25/12/1999", "1999-12-25", null)]
    [InlineData("12/25/1999", null, "1999-12-25")]
    [InlineData("5/5/1999", "1999-05-05", "1999-05-05")]
    public void Parse_YearLastDates_FollowTheOrder(string text, string? dayFirst, string? monthFirst)
    {
        Assert.Equal(dayFirst, ReleaseDateParser.Parse(text, DayMonthOrder.DayFirst)?.ToString());
        Assert.Equal(monthFirst, ReleaseDateParser.Parse(text, DayMonthOrder.MonthFirst)?.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0000")]
    [InlineData("1999-13-01")]
    [InlineData("1999-02-30")]
    [InlineData("31/31/1999")]
    [InlineData("4/7-1999")]
    [InlineData("4/7/99")]
    [InlineData("soon")]
    [InlineData("1999-07-04Tnoon")]
    public void Parse_Unreadable_IsNull(string? text) => Assert.Null(ReleaseDateParser.Parse(text, DayMonthOrder.MonthFirst));

    [Fact]
    public void Parse_YearMonth_KeepsMonthPrecision()
    {
        var date = ReleaseDateParser.Parse("2020-05", DayMonthOrder.MonthFirst)!.Value;

        Assert.Equal((2020, 5, (int?)null, false), (date.Year, date.Month!.Value, date.Day, date.IsYearOnly));
        Assert.Equal(new DateOnly(2020, 5, 1), date.FirstDay);
    }

    [Theory]
    [InlineData("3/4/2021", YearLastDateKind.Ambiguous)]
    [InlineData("03-04-2021", YearLastDateKind.Ambiguous)]
    [InlineData("7/7/2021", YearLastDateKind.SameEitherWay)]
    [InlineData("25/3/2021", YearLastDateKind.DayFirstOnly)]
    [InlineData("3/25/2021", YearLastDateKind.MonthFirstOnly)]
    [InlineData("30/2/2021", YearLastDateKind.Neither)]
    [InlineData("2/30/2021", YearLastDateKind.Neither)]
    [InlineData("2021-03-04", YearLastDateKind.NotYearLast)]
    [InlineData("2021", YearLastDateKind.NotYearLast)]
    [InlineData("03/2021", YearLastDateKind.NotYearLast)]
    [InlineData("3/4/21", YearLastDateKind.NotYearLast)]
    public void Classify_YearLastDates_SayWhatTheyTellOfTheOrder(string text, YearLastDateKind expected) =>
        Assert.Equal(expected, YearLastDate.Classify(text));
}
