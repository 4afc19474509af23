using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;
using Wrapped.Core.Users;

namespace Wrapped.Core.Simulation;

/// <summary>
/// Simulates listening one user-day at a time, by a listening model (SPEC section 4; <see cref="ListeningModel"/>).
/// A user-day is the listener's local calendar day in their time zone (UTC under the reference model): every event
/// falls inside it, timestamps are UTC instants, and event ids carry the local date. Every random draw of a day comes
/// from the stream of (seed, user id, local date), and everything carried between days is in
/// <see cref="UserListeningState"/>, so days and users can be simulated in any order, split or resumed, with the same
/// events.
/// </summary>
/// <remarks>
/// An instance owns scratch buffers reused by every call, so it must be used by one thread at a time; create
/// one per worker thread (the catalog and the model are shared). Without a rhythm in the model (the reference), all
/// sessions' tracks are chosen first (long sessions, then short ones), then the sessions are placed in the day's
/// hour slots; a session that fits nowhere is dropped: its plays emit no events, but the state still moves on as they
/// were chosen, because later choices in the day were already drawn from that state. With a rhythm, the sessions'
/// start times are drawn first, and their tracks are chosen in time order until the next session starts. A session
/// drawn with no track (⌊N⌋ ≤ 0) takes no slot and is not counted: nobody listened. The state moves on before the
/// events go to the sink, so if the sink throws, retry the day from a saved record, not from the same state object.
/// </remarks>
public sealed class ListeningSimulator
{
    private readonly SimulationCatalog _catalog;
    private readonly long _seed;
    private readonly ListeningLaws _laws;
    private readonly DayPlan _plan = new();
    private readonly SessionPlayer _player;

    /// <summary>A simulator of the reference model (SPEC section 4 exactly).</summary>
    public ListeningSimulator(SimulationCatalog catalog, long seed)
        : this(catalog, seed, ListeningModel.Reference)
    {
    }

    public ListeningSimulator(SimulationCatalog catalog, long seed, ListeningModel model)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(model);
        _catalog = catalog;
        _seed = seed;
        Model = model;
        _laws = model.Laws;
        _player = new SessionPlayer(catalog, _laws, _plan);
    }

    public ListeningModel Model { get; }

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

    /// <param name="date">The listener's local date (in <see cref="UserProfile.TimeZone"/>): the day of <c>events/date=</c> and of the event ids.</param>
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
        var localDay = state.LocalDay(user.TimeZone, day, out var zone);
        ref readonly var habits = ref state.HabitsUnder(_laws, _seed);

        state.Prefetch();
        var rng = RandomStream.ForUserDay(_seed, user.UserId, date);
        if (_laws.HasActivity && rng.NextDouble() < habits.IdleProbability)
        {
            LastDay = default;
            return default;
        }
        var longSessions = _laws.LongCounts[_laws.LongCountChoice.Index(rng.NextDouble())];
        var shortSessions = FloorAtLeastZero(rng.Normal(_laws.ShortCount.Mean, _laws.ShortCount.Sd));
        if (_laws.HasActivity)
        {
            longSessions = Scale(ref rng, longSessions, habits.SessionScale);
            shortSessions = Scale(ref rng, shortSessions, habits.SessionScale);
        }

        _plan.Reset();
        ref readonly var odds = ref _laws.Odds[ListeningOdds.IndexOf(user.Personality)];
        int plannedSkips, dropped;
        if (_laws.Weekday is null)
        {
            plannedSkips = PlanSlottedDay(ref rng, state, odds, longSessions, shortSessions);
            dropped = SessionScheduler.Place(ref rng, _plan, SessionScheduler.SlotsIn(localDay.LengthMs));
        }
        else
        {
            (plannedSkips, dropped) = PlanRhythmDay(ref rng, state, odds, habits, zone, localDay, date, longSessions, shortSessions);
        }
        LastDay = new DayDraws(longSessions, shortSessions, _plan.PlayCount, plannedSkips);
        return Emit(user.UserId, day, localDay.StartUtcMs, dropped, sink);
    }

    /// <summary>The reference's order: every session's tracks, long sessions first; the scheduler places them after.</summary>
    private int PlanSlottedDay(ref RandomStream rng, UserListeningState state, in ListeningOdds odds, int longSessions, int shortSessions)
    {
        var plannedSkips = 0;
        for (var s = 0; s < longSessions + shortSessions; s++)
        {
            var tracks = DrawTracks(ref rng, s < longSessions);
            if (tracks > 0)
            {
                plannedSkips += _player.PlayWhole(ref rng, state, odds, tracks);
            }
        }
        return plannedSkips;
    }

    /// <summary>
    /// Draws each session's start (a local hour by the day's curve, a uniform moment in it, the user's chronotype shift,
    /// around the clock), then chooses tracks session by session in time order: a session plays until its tracks run
    /// out or the next session starts, the play in progress cut there (a skip), and the last one until the day ends.
    /// Starts are never moved or dropped for lack of room, so they follow the curve exactly.
    /// </summary>
    private (int PlannedSkips, int Dropped) PlanRhythmDay(
        ref RandomStream rng, UserListeningState state, in ListeningOdds odds, in ListenerHabits habits,
        ListenerTimeZone zone, in LocalDay localDay, DateOnly date, int longSessions, int shortSessions)
    {
        var curve = date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? _laws.Weekend! : _laws.Weekday!;
        var dropped = 0;
        for (var s = 0; s < longSessions + shortSessions; s++)
        {
            var tracks = DrawTracks(ref rng, s < longSessions);
            if (tracks == 0)
            {
                continue;
            }
            var wallMs = curve.Hour(rng.NextDouble()) * ListenerTimeZone.MsPerHour + rng.NextInt((int)ListenerTimeZone.MsPerHour) + habits.ChronotypeShiftMs;
            wallMs %= ListenerTimeZone.MsPerDay;
            wallMs += wallMs < 0 ? ListenerTimeZone.MsPerDay : 0;
            var startMs = zone.ElapsedAtWallClock(localDay, wallMs, ref state.ZoneHint);
            if (startMs >= localDay.LengthMs)
            {
                // A gap in the clocks swallowed the end of the day and this moment with it.
                dropped++;
                continue;
            }
            _plan.AddSession(startMs, tracks);
        }

        var placed = _plan.SortPlacedByStart();
        var order = _plan.StartOrder;
        var skips = 0;
        for (var o = 0; o < placed && _plan.PlayCount < MaxPlaysPerDay; o++)
        {
            var s = order[o];
            // Events end at or before the next session's start, and strictly inside the day.
            var limitMs = o + 1 < placed ? _plan.SessionStartMs[order[o + 1]] : localDay.LengthMs - 1;
            skips += _player.PlayUntil(ref rng, state, odds, s, limitMs, MaxPlaysPerDay);
        }
        return (skips, dropped);
    }

    private DayOutcome Emit(long userId, int day, long dayStartUtcMs, int dropped, IListeningEventSink sink)
    {
        var order = _plan.StartOrder;
        var placed = _plan.SortPlacedByStart();
        int sequence = 0, skips = 0, truncated = 0;
        long listeningTotalMs = 0;
        for (var o = 0; o < placed; o++)
        {
            var s = order[o];
            var sessionId = EventId.Compose(day, userId, Math.Min(sequence, MaxPlaysPerDay - 1));
            var clockMs = dayStartUtcMs + _plan.SessionStartMs[s];
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

    /// <summary>⌊count × scale + U⌋: the count scaled, rounded at random so that its mean is scaled exactly.</summary>
    private static int Scale(ref RandomStream rng, int count, double scale) =>
        (int)Math.Min(count * scale + rng.NextDouble(), EventId.MaxPlaysPerDay);

    /// <summary>⌊N(mean, sd)⌋ tracks, at least 0, by the long or the short sessions' law.</summary>
    private int DrawTracks(ref RandomStream rng, bool longSession)
    {
        var law = longSession ? _laws.LongTracks : _laws.ShortTracks;
        return FloorAtLeastZero(rng.Normal(law.Mean, law.Sd));
    }

    private static int FloorAtLeastZero(double x) => x < 1 ? 0 : x >= int.MaxValue ? int.MaxValue : (int)x;
}
