using Wrapped.Core.Randomness;
namespace Wrapped.Core.Catalog;

/// <summary>
/// Greedy k-means++ seeding (as scikit-learn does it): each new centre is the best of a few D²-weighted candidates.
/// Stops early when every point already sits on a centre, i.e. there are fewer distinct points than clusters.
/// </summary>
internal static class KMeansPlusPlus
{
    public static (double[] Centroids, int Found) Seed(double[] points, int dimensions, int clusters, SplitMix64 random)
    {
        var count = points.Length / dimensions;
        var centroids = new double[clusters * dimensions];
        var first = random.NextInt(count);
        Point(points, dimensions, first).CopyTo(centroids);

        var closest = new double[count];
        for (var i = 0; i < count; i++)
        {
            closest[i] = KMeansRun.SquaredDistance(Point(points, dimensions, i), centroids.AsSpan(0, dimensions));
        }

        var trials = 2 + (int)Math.Log(clusters);
        var found = 1;
        while (found < clusters)
        {
            var potential = Sum(closest);
            if (potential <= 0)
            {
                break;
            }

            var bestCandidate = -1;
            var bestPotential = double.PositiveInfinity;
            for (var trial = 0; trial < trials; trial++)
            {
                var candidate = WeightedPick(closest, potential, random);
                var candidatePotential = PotentialWith(points, dimensions, closest, candidate);
                if (candidatePotential < bestPotential)
                {
                    bestPotential = candidatePotential;
                    bestCandidate = candidate;
                }
            }

            var centre = centroids.AsSpan(found * dimensions, dimensions);
            Point(points, dimensions, bestCandidate).CopyTo(centre);
            for (var i = 0; i < count; i++)
            {
                closest[i] = Math.Min(closest[i], KMeansRun.SquaredDistance(Point(points, dimensions, i), centre));
            }

            found++;
        }

        return (found == clusters ? centroids : centroids[..(found * dimensions)], found);
    }

    /// <summary>A point drawn with probability proportional to its weight; never one of weight 0.</summary>
    private static int WeightedPick(double[] weights, double total, SplitMix64 random)
    {
        var target = random.NextDouble() * total;
        var cumulative = 0.0;
        var lastPositive = -1;
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] <= 0)
            {
                continue;
            }

            lastPositive = i;
            cumulative += weights[i];
            if (cumulative > target)
            {
                return i;
            }
        }

        // Rounding can leave the running sum a hair below the total.
        return lastPositive;
    }

    private static double PotentialWith(double[] points, int dimensions, double[] closest, int candidate)
    {
        var centre = Point(points, dimensions, candidate);
        var potential = 0.0;
        for (var i = 0; i < closest.Length; i++)
        {
            potential += Math.Min(closest[i], KMeansRun.SquaredDistance(Point(points, dimensions, i), centre));
        }

        return potential;
    }

    private static double Sum(double[] values)
    {
        var sum = 0.0;
        foreach (var value in values)
        {
            sum += value;
        }

        return sum;
    }

    private static ReadOnlySpan<double> Point(double[] points, int dimensions, int index) => points.AsSpan(index * dimensions, dimensions);
}
