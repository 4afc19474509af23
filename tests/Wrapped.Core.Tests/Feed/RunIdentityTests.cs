using Wrapped.Core.Feed;

namespace Wrapped.Core.Tests.Feed;

public sealed class RunIdentityTests
{
    [Fact]
    public void Derive_SameParts_SameId()
    {
        Assert.Equal(RunIdentity.Derive("sample", "a", "b"), RunIdentity.Derive("sample", "a", "b"));
    }

    [Fact]
    public void Derive_AnyPartChanged_OtherId()
    {
        var id = RunIdentity.Derive("sample", "a", "b");

        Assert.NotEqual(id, RunIdentity.Derive("sample", "a", "c"));
        Assert.NotEqual(id, RunIdentity.Derive("sample", "b", "a"));
        Assert.NotEqual(id, RunIdentity.Derive("other", "a", "b"));
    }

    [Fact]
    public void Derive_ReadableDatasetThenTwelveHex()
    {
        var id = RunIdentity.Derive("My Dataset (2024)!", "x");

        Assert.Matches("^my-dataset-2024-[0-9a-f]{12}$", id);
    }

    [Theory]
    [InlineData("", "run")]
    [InlineData("___", "run")]
    [InlineData("Top 50 — Global", "top-50-global")]
    public void Slug_KeepsLettersAndDigits(string value, string expected)
    {
        Assert.Equal(expected, RunIdentity.Slug(value));
    }
}
