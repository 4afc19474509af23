namespace Wrapped.Core.Catalog;

/// <summary>
/// Gives clusters labels that do not depend on which restart or seed found them: largest cluster first, then by
/// centroid in lexicographic order.
/// </summary>
internal static class ClusterRelabeler
{
    public static KMeansResult Canonical(KMeansRun run, int dimensions)
    {
        var clusters = run.Clusters;
        var sizes = new int[clusters];
        foreach (var label in run.Labels)
        {
            sizes[label]++;
        }

        var order = Enumerable.Range(0, clusters).ToArray();
        Array.Sort(order, (a, b) =>
        {
            var bySize = sizes[b].CompareTo(sizes[a]);
            if (bySize != 0)
            {
                return bySize;
            }

            var byCentroid = run.Centroids.AsSpan(a * dimensions, dimensions).SequenceCompareTo(run.Centroids.AsSpan(b * dimensions, dimensions));
            return byCentroid != 0 ? byCentroid : a.CompareTo(b);
        });

        var newLabelOf = new int[clusters];
        var centroids = new double[clusters * dimensions];
        var newSizes = new int[clusters];
        for (var newLabel = 0; newLabel < clusters; newLabel++)
        {
            var oldLabel = order[newLabel];
            newLabelOf[oldLabel] = newLabel;
            newSizes[newLabel] = sizes[oldLabel];
            run.Centroids.AsSpan(oldLabel * dimensions, dimensions).CopyTo(centroids.AsSpan(newLabel * dimensions, dimensions));
        }

        var labels = Array.ConvertAll(run.Labels, old => newLabelOf[old]);
        return new KMeansResult(labels, centroids, newSizes, clusters, run.Inertia);
    }
}
