using System.Runtime.CompilerServices;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// One listener's aggregation: what carries from play to play since the run's start (the previous track and artist,
/// the artists heard, the heard tracks' popularity comparison) and the totals of each year played. Plays must come in
/// time order; a play earlier than the last one is refused, because the familiarity and loyalty scores depend on order.
/// </summary>
internal sealed class Listener
{
    private const int NoTrack = -1;

    private readonly WrappedCatalog _catalog;
    private readonly ListenerClock _clock;
    private readonly TrackTallies.Pool _tallies;
    private readonly ulong[] _heardArtists;
    private readonly HeardCommonality _heard;
    private readonly List<ListenerYear> _years = [];
    private ListenerYear? _year;
    private LocalDay _day = new(long.MinValue, 0, 0, 0);
    // The current day's bounds in local milliseconds, and the UTC span sharing one offset: a play's local time and
    // day come from two comparisons, the clock asked only when a play leaves the span (a transition, or the first play).
    private long _dayStartMs = long.MaxValue;
    private long _dayEndMs = long.MinValue;
    private OffsetSpan _span = new(long.MaxValue, long.MinValue, 0);
    private int _previousTrack = NoTrack;
    private int _previousArtist = NoTrack;

    public Listener(long userId, int index, WrappedCatalog catalog, ListenerClock clock, TrackTallies.Pool tallies)
    {
        UserId = userId;
        Index = index;
        _catalog = catalog;
        _clock = clock;
        _tallies = tallies;
        _heardArtists = new ulong[(catalog.ArtistCount + 63) >> 6];
        _heard = new HeardCommonality(catalog);
    }

    public long UserId { get; }

    /// <summary>The listener's number in its aggregator, in the order first seen.</summary>
    public int Index { get; }

    public ListenerClock Clock => _clock;

    /// <summary>The years with at least one play, in the order first played (chronological).</summary>
    public IReadOnlyList<ListenerYear> Years => _years;

    /// <summary>Starts loading what a coming play of a track with these <paramref name="facts"/> will read: its artist's heard bit and its popularity's shares.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Prefetch(in PlayFacts facts)
    {
        Simulation.Prefetcher.Line(ref _heardArtists[facts.Artist >> 6]);
        _heard.Prefetch(facts.PopularityRank);
    }

    /// <summary>
    /// Adds one play of catalog track <paramref name="track"/>, whose <paramref name="facts"/> are given; <paramref name="timestampMs"/> must not be
    /// earlier than the previous play's (the aggregator checks it as plays are taken).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Add(long timestampMs, int track, in PlayFacts facts, long listeningMs)
    {
        if (timestampMs < _span.FromUtcMs || timestampMs >= _span.UntilUtcMs) _span = _clock.OffsetSpanAt(timestampMs);
        var local = timestampMs + _span.OffsetMs;
        if (local < _dayStartMs || local >= _dayEndMs) EnterDay(local);
        var year = _year!;

        year.ListeningMs += listeningMs;
        year.Plays++;
        year.Skips += listeningMs < facts.DurationMs ? 1 : 0;
        if (timestampMs < year.FirstPlayMs) year.FirstPlayMs = timestampMs;
        year.LastPlayMs = timestampMs;
        year.ListeningMsByMonth[_day.Month] += listeningMs;
        year.PlaysByHour[(int)((local - _dayStartMs) / LocalDay.MillisecondsPerHour)]++;
        year.PlaysByWeekday[_day.Weekday]++;
        year.Tracks.Add(track, listeningMs);

        var artist = facts.Artist;
        ref var heardWord = ref _heardArtists[artist >> 6];
        var heardBit = 1UL << artist;
        var familiar = (heardWord & heardBit) != 0;
        year.FamiliarPlays += familiar ? 1 : 0;
        year.NewnessSum += facts.Newness;
        // Counted from the comparison's bit, not through "? 1 : 0", which the runtime compiles to a branch that a
        // listener's mix of repeats and changes keeps mispredicting.
        year.RepeatPlays += Unsafe.BitCast<bool, byte>(track == _previousTrack | artist == _previousArtist);
        if (track != _previousTrack) Compare(year, track, in facts, familiar);
        if (!familiar)
        {
            heardWord |= heardBit;
            _heard.AddArtist(artist);
        }
        _previousTrack = track;
        _previousArtist = artist;
    }

    /// <summary>
    /// Adds the share of the play's alternatives its track beat in popularity, guessing which subset the simulator drew
    /// it from: the previous artist's tracks when it is that artist, the whole catalog when the artist is new, else the
    /// tracks of every artist heard.
    /// </summary>
    private void Compare(ListenerYear year, int track, in PlayFacts facts, bool familiar)
    {
        var tables = _catalog.Commonality;
        double oldestFirst, newestFirst;
        if (facts.Artist == _previousArtist)
        {
            oldestFirst = facts.ArtistShareOldestFirst;
            newestFirst = facts.ArtistShareNewestFirst;
            year.PlacedPlays++;
            year.PositionSum += facts.ArtistPosition;
        }
        else if (!familiar)
        {
            oldestFirst = tables.Catalog(NewnessOrder.OldestFirst, facts.PopularityRank);
            newestFirst = tables.Catalog(NewnessOrder.NewestFirst, facts.PopularityRank);
            year.PlacedPlays++;
            year.PositionSum += tables.CatalogPosition(track);
        }
        else
        {
            (oldestFirst, newestFirst) = _heard.Shares(facts.PopularityRank);
        }
        year.ComparedPlays++;
        year.BeatenOldestFirst += oldestFirst;
        year.BeatenNewestFirst += newestFirst;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void EnterDay(long localMilliseconds)
    {
        _day = LocalDay.Of(localMilliseconds);
        _dayStartMs = _day.DayNumber * LocalDay.MillisecondsPerDay;
        _dayEndMs = _dayStartMs + LocalDay.MillisecondsPerDay;
        if (_year?.Year == _day.Year) return;
        _year = null;
        foreach (var y in _years)
        {
            if (y.Year == _day.Year) _year = y;
        }
        if (_year is null)
        {
            _year = new ListenerYear(_day.Year, _tallies);
            _years.Add(_year);
        }
    }
}
