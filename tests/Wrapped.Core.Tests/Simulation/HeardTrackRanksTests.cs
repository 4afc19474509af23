using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Simulation;

public sealed class HeardTrackRanksTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(1000)]
    [InlineData(4097)]
    public void Select_AfterRandomAdds_MatchesSortedList(int size)
    {
        var random = new Random(size);
        var set = new HeardTrackRanks(size);
        var reference = new SortedSet<int>();

        foreach (var rank in Enumerable.Range(0, size).OrderBy(_ => random.Next()))
        {
            set.Add(rank);
            reference.Add(rank);
            if (reference.Count % 7 == 1 || reference.Count == size)
            {
                var expected = reference.ToArray();
                Assert.Equal(expected.Length, set.Count);
                Assert.Equal(expected, Enumerable.Range(0, set.Count).Select(set.Select));
            }
        }
    }

    // Catalogs past 64 groups of 512 ranks switch from flat prefix counts to a Fenwick tree: both sides of the switch.
    [Theory]
    [InlineData(32_768)]
    [InlineData(32_769)]
    [InlineData(70_000)]
    public void Select_LargeSets_MatchesSortedList(int size)
    {
        var random = new Random(size);
        var set = new HeardTrackRanks(size);
        var reference = new SortedSet<int>();
        var ranks = Enumerable.Range(0, size).Where(_ => random.Next(3) == 0).OrderBy(_ => random.Next()).ToArray();
        for (var i = 0; i < ranks.Length; i++)
        {
            set.Add(ranks[i]);
            reference.Add(ranks[i]);
            if (i is 0 or 99 or 4_999 || i == ranks.Length - 1)
            {
                Assert.Equal(reference.ToArray(), Enumerable.Range(0, set.Count).Select(set.Select));
            }
        }
    }

    // A user's heard tracks come an artist at a time, so most words stay empty: full words, lone ranks and empty words
    // between and after them inside a group, in every group of a small catalog.
    [Fact]
    public void Select_ClusteredRanksWithEmptyWords_MatchesSortedList()
    {
        const int size = 3 * 512;
        int[] ranks = [.. Enumerable.Range(3 * 64, 64), 5, 7 * 64 + 63, 512 + 64, 512 + 65, .. Enumerable.Range(2 * 512 + 6 * 64, 70)];
        var set = new HeardTrackRanks(size);
        var reference = new SortedSet<int>();
        foreach (var rank in ranks)
        {
            set.Add(rank);
            reference.Add(rank);
            Assert.Equal(reference.ToArray(), Enumerable.Range(0, set.Count).Select(set.Select));
        }
    }

    [Fact]
    public void Contains_AddedAndNotAdded_Reports()
    {
        var set = new HeardTrackRanks(200);
        set.Add(63);
        set.Add(64);
        set.Add(199);

        Assert.True(set.Contains(63) && set.Contains(64) && set.Contains(199));
        Assert.False(set.Contains(0) || set.Contains(65));
        Assert.Equal([63, 64, 199], new[] { set.Select(0), set.Select(1), set.Select(2) });
    }
}
