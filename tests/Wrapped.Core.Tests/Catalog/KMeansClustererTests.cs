using Wrapped.Core.Randomness;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Tests.Catalog;

public sealed class KMeansClustererTests
{
    /// <summary>Three well separated 2-D blobs of 40, 30 and 20 points, interleaved so that input order gives no hint.</summary>
    private static (double[] Points, int[] Blob) ThreeBlobs()
    {
        var random = new SplitMix64(7);
        (double X, double Y, int Size)[] blobs = [(0, 0, 40), (10, 10, 30), (-10, 10, 20)];
        var points = new List<double>();
        var blobOf = new List<int>();
        for (var i = 0; i < 40; i++)
        {
            for (var b = 0; b < blobs.Length; b++)
            {
                if (i >= blobs[b].Size)
                {
                    continue;
                }

                points.Add(blobs[b].X + random.NextDouble() - 0.5);
                points.Add(blobs[b].Y + random.NextDouble() - 0.5);
                blobOf.Add(b);
            }
        }

        return (points.ToArray(), blobOf.ToArray());
    }

    [Fact]
    public void Cluster_ThreeObviousBlobs_RecoversThemLargestFirst()
    {
        var (points, blob) = ThreeBlobs();

        var result = KMeansClusterer.Cluster(points, 2, 3, seed: 42, restarts: 4);

        // Labels are canonical: by descending size, so blob b (sizes 40, 30, 20) must be label b.
        Assert.Equal(blob, result.Labels);
        Assert.Equal([40, 30, 20], result.Sizes);
        Assert.Equal(10, result.Centroid(1)[0], 0);
    }

    [Fact]
    public void Cluster_SameInputTwice_GivesIdenticalLabelsAndCentroids()
    {
        var points = RandomCloud(500, 4, seed: 3);

        var first = KMeansClusterer.Cluster(points, 4, 3, seed: 42, restarts: 8);
        var second = KMeansClusterer.Cluster(points, 4, 3, seed: 42, restarts: 8);

        Assert.Equal(first.Labels, second.Labels);
        Assert.Equal(first.Centroids, second.Centroids);
        Assert.Equal(first.Inertia, second.Inertia);
    }

    [Fact]
    public void Cluster_DifferentSeed_StillGivesValidClusters()
    {
        var points = RandomCloud(300, 3, seed: 5);

        var result = KMeansClusterer.Cluster(points, 3, 3, seed: 12345, restarts: 3);

        Assert.Equal(3, result.Clusters);
        Assert.All(result.Labels, label => Assert.InRange(label, 0, 2));
        Assert.Equal(300, result.Sizes.Sum());
        Assert.True(result.Sizes[0] >= result.Sizes[1] && result.Sizes[1] >= result.Sizes[2]);
        Assert.All(result.Sizes, size => Assert.True(size > 0));
    }

    [Fact]
    public void Cluster_DifferentSeedOnObviousBlobs_GivesSameCanonicalLabels()
    {
        var (points, _) = ThreeBlobs();

        var a = KMeansClusterer.Cluster(points, 2, 3, seed: 1, restarts: 4);
        var b = KMeansClusterer.Cluster(points, 2, 3, seed: 999, restarts: 4);

        Assert.Equal(a.Labels, b.Labels);
    }

    [Fact]
    public void Cluster_FewerDistinctPointsThanClusters_FormsOnlyDistinctClusters()
    {
        double[] points = [1, 1, 1, 1, 5, 5, 1, 1];

        var result = KMeansClusterer.Cluster(points, 2, 3, seed: 42, restarts: 2);

        Assert.Equal(2, result.Clusters);
        Assert.Equal([0, 0, 1, 0], result.Labels);
        Assert.Equal([3, 1], result.Sizes);
        Assert.Equal(0.0, result.Inertia);
    }

    [Fact]
    public void Cluster_AllPointsIdentical_FormsOneCluster()
    {
        var result = KMeansClusterer.Cluster([2, 2, 2, 2], 2, 3, seed: 42, restarts: 2);

        Assert.Equal(1, result.Clusters);
        Assert.Equal([0, 0], result.Labels);
    }

    [Fact]
    public void Cluster_NoPoints_GivesEmptyResult() =>
        Assert.Equal(0, KMeansClusterer.Cluster([], 11, 3, seed: 42, restarts: 2).Clusters);

    private static double[] RandomCloud(int count, int dimensions, ulong seed)
    {
        var random = new SplitMix64(seed);
        return Enumerable.Range(0, count * dimensions).Select(_ => random.NextDouble()).ToArray();
    }
}
