using Wrapped.Core.Csv;

namespace Wrapped.Core.Tests.Csv;

public sealed class CsvValuesTests
{
    private static readonly CsvColumn Column = CsvColumn.Mandatory("value");

    [Theory]
    [InlineData("1", 1)]
    [InlineData("1.0", 1)]
    [InlineData(" 42 ", 42)]
    [InlineData("-3.0", -3)]
    [InlineData("1e3", 1000)]
    public void ParseInt_IntegralSpellings_AreAccepted(string text, int expected) =>
        Assert.Equal(expected, CsvValues.ParseInt(Column, text));

    [Fact]
    public void ParseLong_FloatFollowers_IsAccepted() =>
        Assert.Equal(376805L, CsvValues.ParseLong(Column, "376805.0"));

    [Theory]
    [InlineData("abc", "is not a number")]
    [InlineData("1.5", "is not a whole number")]
    [InlineData("3000000000", "out of range")]
    [InlineData("NaN", "is not a number")]
    public void ParseInt_UnusableText_ThrowsNamingColumn(string text, string reason)
    {
        var exception = Assert.Throws<RowParseException>(() => CsvValues.ParseInt(Column, text));

        Assert.Equal("value", exception.Column);
        Assert.Contains(reason, exception.Message);
    }

    [Theory]
    [InlineData("True", true)]
    [InlineData("False", false)]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void ParseBool_DatasetSpellings_AreAccepted(string text, bool expected) =>
        Assert.Equal(expected, CsvValues.ParseBool(Column, text));

    [Fact]
    public void ParseBool_Other_Throws() =>
        Assert.Throws<RowParseException>(() => CsvValues.ParseBool(Column, "maybe"));

    [Theory]
    [InlineData("inf")]
    [InlineData("x1")]
    public void ParseDouble_NonFinite_Throws(string text) =>
        Assert.Throws<RowParseException>(() => CsvValues.ParseDouble(Column, text));
}
