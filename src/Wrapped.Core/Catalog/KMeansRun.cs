using Wrapped.Core.Randomness;
namespace Wrapped.Core.Catalog;

/// <summary>One k-means restart: seeding, then Lloyd iterations until no point changes cluster.</summary>
internal sealed class KMeansRun
{
    private readonly double[] _points;
    private readonly int _dimensions;
    private readonly int _count;

    private KMeansRun(double[] points, int dimensions, double[] centroids, int clusters)
    {
        _points = points;
        _dimensions = dimensions;
        _count = points.Length / dimensions;
        Centroids = centroids;
        Clusters = clusters;
        Labels = new int[_count];
        Distances = new double[_count];
    }

    public double[] Centroids { get; }

    public int Clusters { get; }

    public int[] Labels { get; }

    /// <summary>Squared distance of each point to its assigned centroid.</summary>
    public double[] Distances { get; }

    public double Inertia { get; private set; }

    /// <param name="tolerance">Lloyd stops once centroids move less than this in total squared distance.</param>
    public static KMeansRun Execute(double[] points, int dimensions, int clusters, double tolerance, SplitMix64 random, CancellationToken cancellationToken)
    {
        var (centroids, found) = KMeansPlusPlus.Seed(points, dimensions, clusters, random);
        var run = new KMeansRun(points, dimensions, centroids, found);
        Array.Fill(run.Labels, -1);
        for (var iteration = 0; iteration < KMeansClusterer.MaxIterations; iteration++)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                break;
            }

            if (!run.Assign())
            {
                break;
            }

            if (run.MoveCentroids() <= tolerance)
            {
                break;
            }
        }

        run.MoveCentroids();
        run.Assign();
        return run;
    }

    /// <summary>Puts each point in its nearest cluster (lowest label on ties); says whether any point moved.</summary>
    private bool Assign()
    {
        var changed = false;
        var inertia = 0.0;
        for (var i = 0; i < _count; i++)
        {
            var point = _points.AsSpan(i * _dimensions, _dimensions);
            var nearest = 0;
            var nearestDistance = double.PositiveInfinity;
            for (var c = 0; c < Clusters; c++)
            {
                var distance = SquaredDistance(point, Centroids.AsSpan(c * _dimensions, _dimensions));
                if (distance < nearestDistance)
                {
                    nearestDistance = distance;
                    nearest = c;
                }
            }

            changed |= Labels[i] != nearest;
            Labels[i] = nearest;
            Distances[i] = nearestDistance;
            inertia += nearestDistance;
        }

        Inertia = inertia;
        return changed;
    }

    /// <summary>
    /// Moves each centroid to its members' mean; an emptied cluster takes over the point farthest from its centroid.
    /// Returns the total squared distance the centroids moved.
    /// </summary>
    private double MoveCentroids()
    {
        var shift = 0.0;
        var sums = new double[Clusters * _dimensions];
        var sizes = new int[Clusters];
        for (var i = 0; i < _count; i++)
        {
            var label = Labels[i];
            sizes[label]++;
            var sum = sums.AsSpan(label * _dimensions, _dimensions);
            var point = _points.AsSpan(i * _dimensions, _dimensions);
            for (var d = 0; d < _dimensions; d++)
            {
                sum[d] += point[d];
            }
        }

        for (var c = 0; c < Clusters; c++)
        {
            var centroid = Centroids.AsSpan(c * _dimensions, _dimensions);
            if (sizes[c] == 0)
            {
                var farthest = FarthestPoint();
                var replacement = _points.AsSpan(farthest * _dimensions, _dimensions);
                shift += SquaredDistance(centroid, replacement);
                replacement.CopyTo(centroid);
                Distances[farthest] = 0;
                continue;
            }

            var sum = sums.AsSpan(c * _dimensions, _dimensions);
            for (var d = 0; d < _dimensions; d++)
            {
                var moved = sum[d] / sizes[c];
                var delta = moved - centroid[d];
                shift += delta * delta;
                centroid[d] = moved;
            }
        }

        return shift;
    }

    private int FarthestPoint()
    {
        var farthest = 0;
        for (var i = 1; i < _count; i++)
        {
            if (Distances[i] > Distances[farthest])
            {
                farthest = i;
            }
        }

        return farthest;
    }

    internal static double SquaredDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var d = 0; d < a.Length; d++)
        {
            var delta = a[d] - b[d];
            sum += delta * delta;
        }

        return sum;
    }
}
