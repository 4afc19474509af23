namespace Wrapped.Core.Catalog;

/// <summary>The span newness is normalised over (step 6).</summary>
/// <param name="UnparseableReleaseDates">Tracks whose date could not be read; they count as 0 months old, as the reference did.</param>
/// <param name="AllEqual">When every track is equally old there is nothing to normalise; all get newness 1.</param>
public sealed record NewnessSummary(int MinMonthsElapsed, int MaxMonthsElapsed, long UnparseableReleaseDates, bool AllEqual);
