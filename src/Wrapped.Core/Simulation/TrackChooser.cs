using System.Runtime.CompilerServices;

namespace Wrapped.Core.Simulation;

/// <summary>
/// Picks the next track: replay, previous artist, heard artists or whole catalog, then an exponential
/// index into the newness-ordered subset, twice, keeping the candidate the C/U preference favours.
/// Reads the catalog and the user's state only: no allocation, no sort, no filter.
/// </summary>
/// <param name="meanIndexPerSize">1 / (λ × subset size): the exponential index's mean is the subset size times this.</param>
internal sealed class TrackChooser(SimulationCatalog catalog, double meanIndexPerSize)
{
    private enum Subset { PreviousArtist, Heard, Catalog }

    /// <param name="avoidPrevious">The previous play was skipped in this session, so it must not come straight back.</param>
    public int Next(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, bool avoidPrevious)
    {
        var u = rng.NextDouble();
        if (!avoidPrevious & u < odds.ReplayBelow)
        {
            return state.PreviousTrack;
        }
        var subset = u < (avoidPrevious ? odds.LoyalBelowAfterSkip : odds.LoyalBelow) ? Subset.PreviousArtist
            : u < (avoidPrevious ? odds.FamiliarBelowAfterSkip : odds.FamiliarBelow) ? Subset.Heard
            : Subset.Catalog;
        return Pick(ref rng, state, odds, subset, avoidPrevious);
    }

    private int Pick(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, Subset subset, bool avoidPrevious)
    {
        var size = Size(state, subset);
        // Rate λ = r / size, so mean size / r: by a multiply, which is off the division unit's thirteen-cycle latency.
        var mean = size * meanIndexPerSize;
        var first = ExponentialIndex(ref rng, size, mean);
        var second = ExponentialIndex(ref rng, size, mean);
        var keepPreferred = rng.NextDouble() < odds.PreferenceKept;
        var firstTrack = At(state, odds, subset, size, first);
        var secondTrack = At(state, odds, subset, size, second);

        var firstPopularity = catalog.Facts[firstTrack].Popularity;
        var secondPopularity = catalog.Facts[secondTrack].Popularity;
        // Unequal popularities: the first is preferred when it is the more popular one and C is wanted, or the
        // less popular and U is wanted; it is kept when that agrees with keepPreferred. Non-short-circuit
        // operators, because each of these is a coin flip a branch would mispredict half the time.
        // (firstPreferred = firstMorePopular == PreferPopular; takeFirst = firstPreferred == keepPreferred.)
        var firstMorePopular = firstPopularity > secondPopularity;
        var takeFirst = (firstPopularity == secondPopularity) | (firstMorePopular ^ odds.PreferPopular ^ keepPreferred);
        // Selected by mask, because the JIT compiled the conditional expressions to that coin-flip branch.
        var takeFirstMask = -(int)Unsafe.BitCast<bool, byte>(takeFirst);
        var index = second ^ ((first ^ second) & takeFirstMask);
        var track = secondTrack ^ ((firstTrack ^ secondTrack) & takeFirstMask);

        if (avoidPrevious && track == state.PreviousTrack)
        {
            if (size > 1)
            {
                // The neighbour in newness order: the closest thing to what was drawn.
                return At(state, odds, subset, size, index + 1 < size ? index + 1 : index - 1);
            }
            if (subset != Subset.Catalog)
            {
                return Pick(ref rng, state, odds, Subset.Catalog, avoidPrevious);
            }
            // A one-track catalog has nothing else to play.
        }
        return track;
    }

    private int Size(UserListeningState state, Subset subset) => subset switch
    {
        Subset.PreviousArtist => catalog.ArtistTrackOffsets[state.PreviousArtist + 1] - catalog.ArtistTrackOffsets[state.PreviousArtist],
        Subset.Heard => state.HeardTracks.Count,
        _ => catalog.TrackCount,
    };

    /// <summary>The track at <paramref name="index"/> of the subset ordered oldest first (T) or newest first (N).</summary>
    private int At(UserListeningState state, in ListeningOdds odds, Subset subset, int size, int index)
    {
        var ascending = odds.NewestFirst ? size - 1 - index : index;
        return subset switch
        {
            Subset.PreviousArtist => catalog.ArtistTracksByNewness[catalog.ArtistTrackOffsets[state.PreviousArtist] + ascending],
            Subset.Heard => state.HeardTracks.Select(ascending),
            _ => ascending,
        };
    }

    /// <summary>min(⌊x⌋, size − 1) with x exponential of <paramref name="mean"/> = size / r, computed once for both candidates.</summary>
    private static int ExponentialIndex(ref RandomStream rng, int size, double mean)
    {
        var x = rng.ExponentialWithMean(mean);
        return x >= size - 1 ? size - 1 : (int)x;
    }
}
