using Wrapped.Core.Feed;

namespace Wrapped.Core.Tests.Feed;

public sealed class RunSizeEstimateTests
{
    private static RunParameters Run(int users, int days, string codec = "deflate") => new()
    {
        RunId = "r",
        Dataset = "d",
        Users = users,
        Start = new DateOnly(2025, 1, 1),
        End = new DateOnly(2025, 1, 1).AddDays(days - 1),
        Seed = 1,
        PartSize = 250,
        Codec = codec,
    };

    [Fact]
    public void For_TenThousandUsersOverAYear_IsAboutTheReferencesScale()
    {
        var estimate = RunSizeEstimate.For(Run(10_000, 365));

        // 10,000 users × 365 days × 34 plays.
        Assert.Equal(124_100_000, estimate.Events);
        // The reference-scale run measured 124,535,091 events in 2,300 MiB.
        Assert.InRange(estimate.Bytes, 2_300L << 20, 3_500L << 20);
        Assert.True(estimate.MinimumBytes < (2_300L << 20) / 2, $"{estimate.MinimumBytes} is not far below the smallest run measured");
    }

    [Theory]
    [InlineData("deflate")]
    [InlineData("deflate:optimal")]
    [InlineData("null")]
    public void For_AnyCodec_MinimumIsBelowTheTypical(string codec)
    {
        var estimate = RunSizeEstimate.For(Run(1_000, 30, codec));

        Assert.True(estimate.MinimumBytes * 2 < estimate.Bytes, $"{estimate}");
    }

    [Fact]
    public void For_Uncompressed_IsLargerThanDeflated()
    {
        Assert.True(RunSizeEstimate.For(Run(1_000, 30, "null")).MinimumBytes > RunSizeEstimate.For(Run(1_000, 30)).Bytes);
    }
}
