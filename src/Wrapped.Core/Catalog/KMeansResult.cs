namespace Wrapped.Core.Catalog;

/// <summary>A k-means clustering, labels already relabelled in the canonical order (0 = largest cluster).</summary>
/// <param name="Labels">The cluster of each point, in point order.</param>
/// <param name="Centroids">Row-major, <see cref="Clusters"/> rows of the points' dimension.</param>
/// <param name="Clusters">How many clusters were formed: the requested number, or fewer when there are fewer distinct points.</param>
public sealed record KMeansResult(int[] Labels, double[] Centroids, int[] Sizes, int Clusters, double Inertia)
{
    public static KMeansResult Empty { get; } = new([], [], [], 0, 0);

    public ReadOnlySpan<double> Centroid(int label)
    {
        var dimensions = Centroids.Length / Clusters;
        return Centroids.AsSpan(label * dimensions, dimensions);
    }
}
