using Wrapped.Core.Feed;

namespace Wrapped.Core.Tests.Feed;

public sealed class RunParametersTests
{
    private static RunParameters Valid => new()
    {
        RunId = "r",
        Dataset = "d",
        Users = 1001,
        Start = new DateOnly(2025, 1, 1),
        End = new DateOnly(2025, 1, 31),
        Seed = 1,
        PartSize = 500,
    };

    [Fact]
    public void PartCount_RoundsUp_AndLastPartIsShort()
    {
        var parameters = Valid;

        Assert.Equal(3, parameters.PartCount);
        Assert.Equal((0L, 500), parameters.UsersOfPart(0));
        Assert.Equal((1000L, 1), parameters.UsersOfPart(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => parameters.UsersOfPart(3));
    }

    [Theory]
    [InlineData(1, 250)]          // small runs: never below 250 users a part
    [InlineData(2_000, 250)]
    [InlineData(2_001, 251)]      // then about eight parts
    [InlineData(10_000, 1_250)]
    [InlineData(20_000, 2_500)]
    [InlineData(1_000_000, 2_500)] // large runs: never above 2,500, so the fan-out widens instead
    public void DefaultPartSizeFor_Users_AboutEightPartsWithinBounds(int users, int expected)
    {
        var partSize = RunParameters.DefaultPartSizeFor(users);

        Assert.Equal(expected, partSize);
        Assert.InRange((Valid with { Users = users, PartSize = partSize }).PartCount, 1, Math.Max(8, users / RunParameters.MaxDefaultPartSize + 1));
    }

    [Fact]
    public void Days_CountsBothEnds()
    {
        Assert.Equal(31, Valid.Days);
    }

    [Fact]
    public void EffectiveReferenceDate_DefaultsToFirstJanuaryOfStartYear()
    {
        Assert.Equal(new DateOnly(2025, 1, 1), (Valid with { Start = new DateOnly(2025, 6, 3), End = new DateOnly(2025, 6, 3) }).EffectiveReferenceDate);
        Assert.Equal(new DateOnly(2020, 5, 5), (Valid with { ReferenceDate = new DateOnly(2020, 5, 5) }).EffectiveReferenceDate);
    }

    [Fact]
    public void Problems_ValidParameters_None()
    {
        Assert.Empty(Valid.Problems());
    }

    [Fact]
    public void Problems_EachBadValue_IsNamed()
    {
        var problems = (Valid with { Users = 0, End = new DateOnly(2024, 12, 31), PartSize = 0, Codec = "snappy" }).Problems();

        Assert.Contains(problems, p => p.ToString().StartsWith("users must be at least 1", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Name == "end" && p.Problem.Contains("is before start", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Name == "partSize");
        Assert.Contains(problems, p => p.Name == "codec");
    }
}
