using Wrapped.Core.Users;

namespace Wrapped.Core.Simulation;

/// <summary>
/// Simulates listening one user-day at a time (SPEC section 4). Every random draw of a day comes from the
/// stream of (seed, user id, date), and everything carried between days is in <see cref="UserListeningState"/>,
/// so days and users can be simulated in any order, split or resumed, with the same events.
/// </summary>
/// <remarks>
/// An instance owns scratch buffers reused by every call, so it must be used by one thread at a time; create
/// one per worker thread (the catalog is shared). Within a day all sessions' tracks are chosen first (long
/// sessions, then short ones), then the sessions are placed in the day. A session that fits nowhere is
/// dropped: its plays emit no events, but the state still moves on as they were chosen (previous track and
/// artist, artists heard), because later choices in the day were already drawn from that state. A session
/// drawn with no track (⌊N⌋ ≤ 0) takes no slot and is not counted: nobody listened. The state moves on
/// before the events go to the sink, so if the sink throws, retry the day from a saved record, not from the
/// same state object.
/// </remarks>
public sealed class ListeningSimulator
{
    private const double SkipProbability = 1.0 / 3.0;

    private readonly SimulationCatalog _catalog;
    private readonly long _seed;
    private readonly TrackChooser _chooser;
    private readonly DayPlan _plan = new();

    public ListeningSimulator(SimulationCatalog catalog, long seed)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _seed = seed;
        _chooser = new TrackChooser(catalog);
    }

    internal DayDraws LastDay { get; private set; }

    /// <summary>The event id's sequence field allows 4,096; lowered only by tests, which cannot reach it otherwise.</summary>
    internal int MaxPlaysPerDay { get; init; } = EventId.MaxPlaysPerDay;

    /// <summary>A random artist and one of its tracks, from the stream of (seed, user id); that artist is heard.</summary>
    public UserListeningState CreateInitialState(long userId)
    {
        var rng = RandomStream.ForUser(_seed, userId);
        var tracks = _catalog.ArtistTracks(rng.NextInt(_catalog.ArtistCount));
        return new UserListeningState(_catalog, userId, tracks[rng.NextInt(tracks.Length)]);
    }

    public UserListeningState RestoreState(UserStateRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var track = _catalog.TrackIndex(record.PreviousTrackId);
        if (track < 0)
        {
            throw new ArgumentException($"User {record.UserId}: previous track '{record.PreviousTrackId}' is not in the catalog.", nameof(record));
        }
        if (_catalog.ArtistKey(_catalog.ArtistOf(track)) != record.PreviousArtistKey)
        {
            throw new ArgumentException($"User {record.UserId}: previous artist '{record.PreviousArtistKey}' is not the artist of track '{record.PreviousTrackId}'.", nameof(record));
        }
        var state = new UserListeningState(_catalog, record.UserId, track);
        foreach (var key in record.HeardArtistKeys)
        {
            var artist = _catalog.ArtistIndex(key);
            if (artist < 0)
            {
                throw new ArgumentException($"User {record.UserId}: heard artist '{key}' is not in the catalog.", nameof(record));
            }
            state.MarkHeard(artist);
        }
        return state;
    }

    public DayOutcome SimulateDay(UserProfile user, UserListeningState state, DateOnly date, IListeningEventSink sink)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(sink);
        if (!ReferenceEquals(state.Catalog, _catalog))
        {
            throw new ArgumentException("The state was created for another catalog.", nameof(state));
        }
        var day = EventId.DaysSinceEpoch(date);
        EventId.Validate(user.UserId, day);
        state.EnsureBelongsTo(user.UserId, nameof(state));

        state.Prefetch();
        var rng = RandomStream.ForUserDay(_seed, user.UserId, date);
        var odds = ListeningOdds.For(user.Personality);
        var longSessions = DrawLongSessionCount(ref rng);
        var shortSessions = FloorAtLeastZero(rng.Normal(5, 1));

        _plan.Reset();
        var plannedSkips = 0;
        for (var s = 0; s < longSessions + shortSessions; s++)
        {
            var tracks = s < longSessions ? FloorAtLeastZero(rng.Normal(10, 2)) : FloorAtLeastZero(rng.Normal(5, 1));
            if (tracks > 0)
            {
                plannedSkips += PlanSession(ref rng, state, odds, tracks);
            }
        }
        var dropped = SessionScheduler.Place(ref rng, _plan);
        LastDay = new DayDraws(longSessions, shortSessions, _plan.PlayCount, plannedSkips);
        return Emit(user.UserId, day, dropped, sink);
    }

    private int PlanSession(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, int tracks)
    {
        _plan.BeginSession();
        var skips = 0;
        var previousSkipped = false;
        for (var i = 0; i < tracks; i++)
        {
            var track = _chooser.Next(ref rng, state, odds, previousSkipped);
            _catalog.PrefetchTrackIdAvro(track);
            var durationMs = _catalog.Facts[track].DurationMs;
            var skipped = rng.NextDouble() < SkipProbability;
            var listeningMs = skipped ? SkippedListeningMs(ref rng, durationMs) : durationMs;
            _plan.AddPlay(track, listeningMs, skipped);
            state.Play(track);
            previousSkipped = skipped;
            skips += skipped ? 1 : 0;
        }
        return skips;
    }

    private DayOutcome Emit(long userId, int day, int dropped, IListeningEventSink sink)
    {
        var order = _plan.StartOrder;
        var placed = 0;
        for (var s = 0; s < _plan.SessionCount; s++)
        {
            if (_plan.SessionStartMs[s] != DayPlan.NotPlaced)
            {
                order[placed++] = s;
            }
        }
        SortByStart(order, placed);

        var dayStartMs = day * (SessionScheduler.Slots * SessionScheduler.SlotMs);
        int sequence = 0, skips = 0, truncated = 0;
        long listeningTotalMs = 0;
        for (var o = 0; o < placed; o++)
        {
            var s = order[o];
            var sessionId = EventId.Compose(day, userId, Math.Min(sequence, MaxPlaysPerDay - 1));
            var clockMs = dayStartMs + _plan.SessionStartMs[s];
            var end = _plan.SessionFirstPlay[s] + _plan.SessionPlayCount[s];
            for (var p = _plan.SessionFirstPlay[s]; p < end; p++)
            {
                if (sequence == MaxPlaysPerDay)
                {
                    truncated++;
                    continue;
                }
                var listeningMs = _plan.PlayListeningMs[p];
                clockMs += listeningMs;
                sink.Add(new ListeningEvent(EventId.Compose(day, userId, sequence), clockMs, _plan.PlayTrack[p], userId, listeningMs, sessionId));
                sequence++;
                listeningTotalMs += listeningMs;
                skips += _plan.PlaySkipped[p] ? 1 : 0;
            }
        }
        return new DayOutcome(sequence, placed, dropped, skips, listeningTotalMs) { TruncatedPlays = truncated };
    }

    // A day has a handful of sessions: insertion sort, no allocation.
    private void SortByStart(int[] order, int count)
    {
        var starts = _plan.SessionStartMs;
        for (var i = 1; i < count; i++)
        {
            var s = order[i];
            var j = i - 1;
            while (j >= 0 && starts[order[j]] > starts[s])
            {
                order[j + 1] = order[j];
                j--;
            }
            order[j + 1] = s;
        }
    }

    /// <summary>3, 0, 1 or 2 long sessions with probabilities .02, .08, .40, .50.</summary>
    private static int DrawLongSessionCount(ref RandomStream rng)
    {
        var u = rng.NextDouble();
        return u < 0.02 ? 3 : u < 0.10 ? 0 : u < 0.50 ? 1 : 2;
    }

    /// <summary>min(⌊Exp(mean = duration)⌋, duration).</summary>
    private static int SkippedListeningMs(ref RandomStream rng, int durationMs)
    {
        var x = rng.ExponentialWithMean(durationMs);
        return x >= durationMs ? durationMs : (int)x;
    }

    private static int FloorAtLeastZero(double x) => x < 1 ? 0 : x >= int.MaxValue ? int.MaxValue : (int)x;
}
