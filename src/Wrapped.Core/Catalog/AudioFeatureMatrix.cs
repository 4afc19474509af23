namespace Wrapped.Core.Catalog;

/// <summary>The eleven clustering features of a set of tracks, row-major, standardised column by column.</summary>
public sealed class AudioFeatureMatrix
{
    public static readonly IReadOnlyList<string> FeatureNames =
    [
        "danceability", "energy", "key", "loudness", "mode", "speechiness",
        "acousticness", "instrumentalness", "liveness", "valence", "tempo",
    ];

    public static int Dimensions => FeatureNames.Count;

    private AudioFeatureMatrix(double[] standardised, double[] means, double[] deviations, int rows)
    {
        Standardised = standardised;
        Means = means;
        Deviations = deviations;
        Rows = rows;
    }

    /// <summary>Row i holds track i's features at [i × <see cref="Dimensions"/>, (i + 1) × <see cref="Dimensions"/>).</summary>
    public double[] Standardised { get; }

    public double[] Means { get; }

    /// <summary>Population standard deviations (ddof = 0, as scikit-learn's StandardScaler); 0 for a constant feature.</summary>
    public double[] Deviations { get; }

    public int Rows { get; }

    /// <summary>Standardises to zero mean and unit variance; a constant feature becomes all zeros instead of NaN.</summary>
    public static AudioFeatureMatrix Standardise(IReadOnlyList<AudioFeatures> features)
    {
        var dimensions = Dimensions;
        var values = new double[features.Count * dimensions];
        for (var i = 0; i < features.Count; i++)
        {
            Write(features[i], values.AsSpan(i * dimensions, dimensions));
        }

        var means = new double[dimensions];
        var deviations = new double[dimensions];
        for (var d = 0; d < dimensions; d++)
        {
            var (mean, deviation) = MeanAndDeviation(values, d, features.Count);
            means[d] = mean;
            deviations[d] = deviation;
            for (var i = 0; i < features.Count; i++)
            {
                ref var value = ref values[(i * dimensions) + d];
                value = deviation > 0 ? (value - mean) / deviation : 0.0;
            }
        }

        return new AudioFeatureMatrix(values, means, deviations, features.Count);
    }

    /// <summary>Maps a standardised vector back to the features' own units.</summary>
    public double[] ToOriginalUnits(ReadOnlySpan<double> standardised)
    {
        var original = new double[Dimensions];
        for (var d = 0; d < original.Length; d++)
        {
            original[d] = Means[d] + (standardised[d] * Deviations[d]);
        }

        return original;
    }

    private static (double Mean, double Deviation) MeanAndDeviation(double[] values, int dimension, int rows)
    {
        if (rows == 0)
        {
            return (0, 0);
        }

        var dimensions = Dimensions;
        var sum = 0.0;
        for (var i = 0; i < rows; i++)
        {
            sum += values[(i * dimensions) + dimension];
        }

        var mean = sum / rows;
        var squares = 0.0;
        for (var i = 0; i < rows; i++)
        {
            var delta = values[(i * dimensions) + dimension] - mean;
            squares += delta * delta;
        }

        var deviation = Math.Sqrt(squares / rows);
        // Summing n copies of one value can leave a rounding residue; a feature that varies by less is constant.
        return (mean, deviation > 1e-12 * Math.Max(1.0, Math.Abs(mean)) ? deviation : 0.0);
    }

    private static void Write(AudioFeatures features, Span<double> row)
    {
        row[0] = features.Danceability;
        row[1] = features.Energy;
        row[2] = features.Key;
        row[3] = features.Loudness;
        row[4] = features.Mode;
        row[5] = features.Speechiness;
        row[6] = features.Acousticness;
        row[7] = features.Instrumentalness;
        row[8] = features.Liveness;
        row[9] = features.Valence;
        row[10] = features.Tempo;
    }
}
