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

    [Theory]
    [InlineData("sample")]
    [InlineData("my-data-2024")]
    [InlineData("a")]
    [InlineData("0123456789012345678901234567890123456789")]
    public void DatasetProblem_LowercaseLettersDigitsAndHyphens_None(string dataset)
    {
        Assert.Null(RunIdentity.DatasetProblem(dataset));
    }

    [Theory]
    [InlineData("")]
    [InlineData("..")]
    [InlineData("../other")]
    [InlineData("a/b")]
    [InlineData("Sample")]
    [InlineData("with space")]
    [InlineData("under_score")]
    [InlineData("-leading")]
    [InlineData("trailing-")]
    [InlineData("01234567890123456789012345678901234567890")]
    public void DatasetProblem_AnythingElse_SaysWhy(string dataset)
    {
        var problem = RunIdentity.DatasetProblem(dataset);

        Assert.NotNull(problem);
        Assert.Contains(dataset.Length == 0 ? "empty" : "lowercase letters, digits and hyphens", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Slug_AnyFolderName_IsAValidDatasetName()
    {
        foreach (var name in new[] { "My Dataset (2024)!", "___", "samples", "Top 50 — Global", new string('x', 90) })
        {
            Assert.Null(RunIdentity.DatasetProblem(RunIdentity.Slug(name)));
        }
    }

    [Fact]
    public void RunIdProblem_DerivedId_None_AndSixtyFourCharacters_Too()
    {
        Assert.Null(RunIdentity.RunIdProblem(RunIdentity.Derive(new string('x', 90), "a")));
        Assert.Null(RunIdentity.RunIdProblem(new string('r', 63)));
        Assert.NotNull(RunIdentity.RunIdProblem(new string('r', 64)));
    }
}
