using Wrapped.Core.Randomness;
namespace Wrapped.Core.Catalog;

/// <summary>
/// Lloyd's k-means with greedy k-means++ seeding and several restarts, deterministic for a given seed: each restart
/// draws from its own stream, runs sequentially, and ties are broken by index, so results do not depend on threads.
/// </summary>
public static class KMeansClusterer
{
    public const int MaxIterations = 300;

    /// <summary>
    /// As scikit-learn: iterations stop when centroids move, in total squared distance, less than this share of the
    /// data's mean feature variance. Waiting for no point to change cluster can take hundreds of passes on diffuse data.
    /// </summary>
    public const double RelativeTolerance = 1e-4;

    public static KMeansResult Cluster(double[] points, int dimensions, int clusters, long seed, int restarts, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(clusters, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(restarts, 1);
        if (points.Length % dimensions != 0)
        {
            throw new ArgumentException("The point array is not a whole number of rows.", nameof(points));
        }

        if (points.Length == 0)
        {
            return KMeansResult.Empty;
        }

        var tolerance = RelativeTolerance * MeanVariance(points, dimensions);
        var runs = new KMeansRun?[restarts];
        Parallel.For(
            0,
            restarts,
            new ParallelOptions { CancellationToken = cancellationToken },
            restart => runs[restart] = KMeansRun.Execute(points, dimensions, clusters, tolerance, SplitMix64.ForStream(seed, restart), cancellationToken));
        cancellationToken.ThrowIfCancellationRequested();

        var best = runs[0]!;
        foreach (var run in runs.Skip(1))
        {
            // Strictly less: on a tie the earlier restart wins, whatever order the threads finished in.
            if (run!.Inertia < best.Inertia)
            {
                best = run;
            }
        }

        return ClusterRelabeler.Canonical(best, dimensions);
    }

    private static double MeanVariance(double[] points, int dimensions)
    {
        var count = points.Length / dimensions;
        var total = 0.0;
        for (var d = 0; d < dimensions; d++)
        {
            var sum = 0.0;
            for (var i = 0; i < count; i++)
            {
                sum += points[(i * dimensions) + d];
            }

            var mean = sum / count;
            var squares = 0.0;
            for (var i = 0; i < count; i++)
            {
                var delta = points[(i * dimensions) + d] - mean;
                squares += delta * delta;
            }

            total += squares / count;
        }

        return total / dimensions;
    }
}
