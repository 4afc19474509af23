using Wrapped.Core.Randomness;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Tests.Randomness;

public sealed class SplitMix64Tests
{
    [Fact]
    public void NextUInt64_SeedZero_MatchesPublishedReferenceValues()
    {
        // The first outputs of the reference SplitMix64 (Vigna's splitmix64.c) seeded with 0.
        var random = new SplitMix64(0);

        Assert.Equal(0xE220A8397B1DCDAFUL, random.NextUInt64());
        Assert.Equal(0x6E789E6AA1B965F4UL, random.NextUInt64());
    }

    [Fact]
    public void ForStream_DifferentStreams_Differ() =>
        Assert.NotEqual(SplitMix64.ForStream(42, 0).NextUInt64(), SplitMix64.ForStream(42, 1).NextUInt64());

    [Fact]
    public void NextInt_StaysInRange()
    {
        var random = new SplitMix64(9);

        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.NextInt(7)), value => Assert.InRange(value, 0, 6));
    }
}
