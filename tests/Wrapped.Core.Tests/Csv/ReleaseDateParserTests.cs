using Wrapped.Core.Csv;

namespace Wrapped.Core.Tests.Csv;

public sealed class ReleaseDateParserTests
{
    [Theory]
    [InlineData("1942", "1942")]
    [InlineData("1999-07", "1999-07")]
    [InlineData("1999-07-04", "1999-07-04")]
    [InlineData("04-07-1999", "1999-07-04")]
    [InlineData("04/07/1999", "1999-07-04")]
    [InlineData("1999/07/04", "1999-07-04")]
    [InlineData("1999-07-04T13:45:00Z", "1999-07-04")]
    [InlineData("1999-07-04 13:45:00", "1999-07-04")]
    [InlineData("1999-07-04T23:30:00-05:00", "1999-07-04")]
    [InlineData(" 1999-07-04 ", "1999-07-04")]
    public void Parse_KnownFormats_NormaliseToIsoPrecision(string text, string expected) =>
        Assert.Equal(expected, ReleaseDateParser.Parse(text)?.ToString());

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("0000")]
    [InlineData("1999-13-01")]
    [InlineData("1999-02-30")]
    [InlineData("soon")]
    [InlineData("1999-07-04Tnoon")]
    public void Parse_Unreadable_IsNull(string? text) => Assert.Null(ReleaseDateParser.Parse(text));

    [Fact]
    public void Parse_YearMonth_KeepsMonthPrecision()
    {
        var date = ReleaseDateParser.Parse("2020-05")!.Value;

        Assert.Equal((2020, 5, (int?)null, false), (date.Year, date.Month!.Value, date.Day, date.IsYearOnly));
        Assert.Equal(new DateOnly(2020, 5, 1), date.FirstDay);
    }
}
