using Wrapped.Core.Csv;

namespace Wrapped.Core.Tests.Csv;

public sealed class ListLiteralTests
{
    private static IReadOnlyList<string> Parse(string text)
    {
        Assert.True(ListLiteral.TryParse(text, out var items, out var error), error);
        return items;
    }

    [Fact]
    public void TryParse_SingleQuotedItems_AreSplit() =>
        Assert.Equal(["Bing Crosby", "Ken Darby Singers"], Parse("['Bing Crosby', 'Ken Darby Singers']"));

    [Fact]
    public void TryParse_DoubleQuotedItemWithApostrophe_KeepsApostrophe() =>
        Assert.Equal(["Auli'i Cravalho"], Parse("[\"Auli'i Cravalho\"]"));

    [Fact]
    public void TryParse_MixedQuotes_AreBothRead() =>
        Assert.Equal(["A", "B's"], Parse("['A', \"B's\"]"));

    [Fact]
    public void TryParse_EscapedQuotes_AreUnescaped() =>
        Assert.Equal(["Guns N' Roses", "say \"hi\"", "back\\slash"], Parse(@"['Guns N\' Roses', 'say ""hi""', 'back\\slash']"));

    [Fact]
    public void TryParse_CommaInsideItem_StaysInItem() =>
        Assert.Equal(["Tyler, The Creator", "X"], Parse("['Tyler, The Creator', 'X']"));

    [Fact]
    public void TryParse_EmptyList_GivesNoItems() => Assert.Empty(Parse("[]"));

    [Fact]
    public void TryParse_SemicolonJoinedNames_AreSplit() =>
        Assert.Equal(["Ingrid Michaelson", "ZAYN"], Parse("Ingrid Michaelson;ZAYN"));

    [Fact]
    public void TryParse_PlainName_IsOneItem() => Assert.Equal(["Nat King Cole"], Parse("Nat King Cole"));

    [Theory]
    [InlineData("['A', 'B'")]
    [InlineData("['A")]
    [InlineData("['A' 'B']")]
    [InlineData("['A'] x")]
    public void TryParse_Malformed_FailsWithReason(string text)
    {
        Assert.False(ListLiteral.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}
