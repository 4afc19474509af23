namespace Wrapped.Core.Catalog;

/// <summary>The audio-feature clustering (step 7).</summary>
/// <param name="Clusters">The clusters found: fewer than requested when the catalog has fewer distinct feature vectors.</param>
/// <param name="Features">The feature names, in the order of every centroid vector.</param>
/// <param name="Inertia">Sum of squared standardised distances to the assigned centroids, of the restart kept.</param>
public sealed record ClusteringSummary(
    int RequestedClusters,
    int Clusters,
    long Seed,
    int Restarts,
    double Inertia,
    IReadOnlyList<string> Features,
    IReadOnlyList<ClusterSummary> ClusterDetails);

/// <param name="Label">The <c>audio_features_type</c> value: 0 is the largest cluster.</param>
/// <param name="Centroid">In the features' own units (loudness in dB, tempo in BPM…).</param>
/// <param name="StandardisedCentroid">In standard deviations from the catalog mean, where k-means works.</param>
public sealed record ClusterSummary(int Label, int Size, IReadOnlyList<double> Centroid, IReadOnlyList<double> StandardisedCentroid);
