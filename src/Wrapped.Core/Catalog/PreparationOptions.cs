namespace Wrapped.Core.Catalog;

/// <param name="ReferenceDate">The date newness is measured from (the simulation's first day, by default 1 January of its first year).</param>
/// <param name="Clusters">k of the audio-feature k-means.</param>
/// <param name="Seed">Seeds k-means++ so that the same input always gives the same clusters.</param>
/// <param name="ErrorBudget">The share of a file's data rows that may be unparseable before the file is rejected.</param>
/// <param name="KMeansRestarts">Independent k-means++ runs; the one with the least inertia is kept.</param>
public sealed record PreparationOptions(
    DateOnly ReferenceDate,
    int Clusters = 3,
    long Seed = 42,
    double ErrorBudget = 0.01,
    int KMeansRestarts = 8)
{
    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(Clusters, 1, nameof(Clusters));
        ArgumentOutOfRangeException.ThrowIfLessThan(KMeansRestarts, 1, nameof(KMeansRestarts));
        if (!(ErrorBudget is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ErrorBudget), ErrorBudget, "The error budget is a share of rows, between 0 and 1.");
        }
    }
}
