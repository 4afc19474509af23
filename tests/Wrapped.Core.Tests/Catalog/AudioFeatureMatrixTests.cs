using Wrapped.Core.Catalog;

namespace Wrapped.Core.Tests.Catalog;

public sealed class AudioFeatureMatrixTests
{
    private static AudioFeatures Features(double danceability, double tempo) => new(danceability, 0.5, 5, -7, 1, 0.1, 0.2, 0, 0.1, 0.4, tempo, 4);

    [Fact]
    public void Standardise_UsesPopulationDeviation()
    {
        var matrix = AudioFeatureMatrix.Standardise([Features(0.2, 100), Features(0.4, 100), Features(0.6, 100), Features(0.8, 100)]);

        // Mean 0.5; population variance 0.05 (not the sample variance 0.0667).
        Assert.Equal(Math.Sqrt(0.05), matrix.Deviations[0], 12);
        Assert.Equal(-0.3 / Math.Sqrt(0.05), matrix.Standardised[0], 12);
    }

    [Fact]
    public void Standardise_ConstantFeature_BecomesZeroNotNaN()
    {
        var matrix = AudioFeatureMatrix.Standardise([Features(0.2, 100), Features(0.4, 100)]);

        var tempo = AudioFeatureMatrix.FeatureNames.ToList().IndexOf("tempo");
        Assert.Equal(0.0, matrix.Deviations[tempo]);
        Assert.All(Enumerable.Range(0, 2), row => Assert.Equal(0.0, matrix.Standardised[(row * AudioFeatureMatrix.Dimensions) + tempo]));
        Assert.DoesNotContain(matrix.Standardised, double.IsNaN);
    }

    [Fact]
    public void ToOriginalUnits_InvertsStandardisation()
    {
        var matrix = AudioFeatureMatrix.Standardise([Features(0.2, 90), Features(0.6, 150)]);

        var original = matrix.ToOriginalUnits(matrix.Standardised.AsSpan(AudioFeatureMatrix.Dimensions, AudioFeatureMatrix.Dimensions));

        Assert.Equal(0.6, original[0], 12);
        Assert.Equal(150, original[10], 9);
        Assert.Equal(-7, original[3], 12);
    }
}
