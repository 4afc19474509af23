using System.Runtime.CompilerServices;
using Wrapped.Core.Simulation.Model;

namespace Wrapped.Core.Simulation;

/// <summary>
/// Chooses a session's plays, one after another, into the day's plan: the track, whether it is skipped and how long
/// it is heard, then the state moves on. The reference plays each session whole; with a rhythm a session plays until
/// the next one starts.
/// </summary>
internal sealed class SessionPlayer(SimulationCatalog catalog, ListeningLaws laws, DayPlan plan)
{
    private readonly TrackChooser _chooser = new(catalog, laws.MeanIndexPerSize);

    /// <summary>All <paramref name="tracks"/> plays of a new session, unplaced (the reference's order: tracks first, placement after).</summary>
    /// <returns>The plays skipped.</returns>
    public int PlayWhole(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, int tracks)
    {
        var session = plan.BeginSession();
        var skips = 0;
        var previousSkipped = false;
        for (var i = 0; i < tracks; i++)
        {
            var (track, listeningMs, skipped) = Next(ref rng, state, odds, previousSkipped);
            plan.AddPlay(session, track, listeningMs, skipped);
            state.Play(track);
            previousSkipped = skipped;
            skips += skipped ? 1 : 0;
        }
        return skips;
    }

    /// <summary>
    /// Placed session <paramref name="s"/>'s plays from its start until its tracks run out, the clock reaches
    /// <paramref name="limitMs"/> (the play in progress then cut there, a skip), or the day holds
    /// <paramref name="maxPlays"/> plays.
    /// </summary>
    /// <returns>The plays skipped.</returns>
    public int PlayUntil(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, int s, long limitMs, int maxPlays)
    {
        plan.StartPlays(s);
        var clockMs = plan.SessionStartMs[s];
        var tracks = plan.SessionPlannedTracks[s];
        var skips = 0;
        var previousSkipped = false;
        for (var i = 0; i < tracks && plan.PlayCount < maxPlays; i++)
        {
            var (track, listeningMs, skipped) = Next(ref rng, state, odds, previousSkipped);
            var cut = clockMs + listeningMs >= limitMs;
            if (cut)
            {
                listeningMs = (int)(limitMs - clockMs);
                skipped |= listeningMs < catalog.Facts[track].DurationMs;
            }
            plan.AddPlay(s, track, listeningMs, skipped);
            state.Play(track);
            clockMs += listeningMs;
            previousSkipped = skipped;
            skips += skipped ? 1 : 0;
            if (cut)
            {
                break;
            }
        }
        return skips;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private (int Track, int ListeningMs, bool Skipped) Next(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, bool previousSkipped)
    {
        var track = _chooser.Next(ref rng, state, odds, previousSkipped);
        catalog.PrefetchTrackIdAvro(track);
        var durationMs = catalog.Facts[track].DurationMs;
        var skipped = rng.NextDouble() < laws.SkipProbability;
        return (track, skipped ? SkippedListeningMs(ref rng, durationMs) : durationMs, skipped);
    }

    /// <summary>min(⌊Exp(mean = share × duration)⌋, duration).</summary>
    private int SkippedListeningMs(ref RandomStream rng, int durationMs)
    {
        var x = rng.ExponentialWithMean(durationMs * laws.SkippedMeanShare);
        return x >= durationMs ? durationMs : (int)x;
    }
}
