using Xunit;

namespace Wrapped.TestSupport;

public static class FeedAssert
{
    /// <summary>The two snapshots hold the same files with the same bytes, naming the first file that differs.</summary>
    public static void SameFiles(SortedDictionary<string, byte[]> expected, SortedDictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys, actual.Keys);
        foreach (var (path, bytes) in expected)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs between the two runs.");
        }
    }
}
