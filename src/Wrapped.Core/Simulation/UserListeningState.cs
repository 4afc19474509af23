using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Simulation;

/// <summary>
/// What one user carries from day to day: the previous track and artist, and the artists heard so far
/// (a bitset over artist indexes, mirrored as an order-statistic set over their tracks, whose indexes are newness ranks).
/// Mutable and owned by one user; not thread-safe.
/// </summary>
/// <remarks>
/// It also caches what the simulator derives from the user and the model (habits, the resolved time zone): derived
/// again whenever the model or the zone differ, never saved, so it changes no output.
/// </remarks>
public sealed class UserListeningState
{
    private readonly ulong[] _heardArtists;
    private ListeningLaws? _habitsLaws;
    private long _habitsSeed;
    private ListenerHabits _habits;
    private string? _zoneId;
    private ListenerTimeZone? _zone;
    private int _zoneHint;

    internal UserListeningState(SimulationCatalog catalog, long userId, int previousTrack)
    {
        Catalog = catalog;
        UserId = userId;
        _heardArtists = new ulong[(catalog.ArtistCount + 63) >> 6];
        HeardTracks = new HeardTrackRanks(catalog.TrackCount);
        Play(previousTrack);
    }

    /// <summary>The user this state belongs to; the simulator refuses to apply it to anyone else.</summary>
    public long UserId { get; }

    public int PreviousTrack { get; private set; }

    public int PreviousArtist { get; private set; }

    public int HeardArtistCount { get; private set; }

    internal SimulationCatalog Catalog { get; }

    internal HeardTrackRanks HeardTracks { get; }

    public bool HasHeard(int artist) => (_heardArtists[artist >> 6] & (1UL << artist)) != 0;

    /// <summary>Calls <paramref name="visit"/> with each heard artist, in ascending artist-index order (the order of <see cref="ToRecord"/>).</summary>
    internal void ForEachHeardArtist<TVisitor>(ref TVisitor visit)
        where TVisitor : struct, IArtistVisitor
    {
        for (var w = 0; w < _heardArtists.Length; w++)
        {
            for (var bits = _heardArtists[w]; bits != 0; bits &= bits - 1)
            {
                visit.Visit((w << 6) + System.Numerics.BitOperations.TrailingZeroCount(bits));
            }
        }
    }

    internal interface IArtistVisitor
    {
        void Visit(int artist);
    }

    /// <summary>The state to save: heard artist keys in ascending artist-index order, so the record is deterministic.</summary>
    public UserStateRecord ToRecord(long userId, DateOnly nextDate)
    {
        EnsureBelongsTo(userId, nameof(userId));
        var keys = new KeyCollector(Catalog, new string[HeardArtistCount]);
        ForEachHeardArtist(ref keys);
        return new UserStateRecord(userId, Catalog.TrackId(PreviousTrack), Catalog.ArtistKey(PreviousArtist), keys.Keys, nextDate);
    }

    /// <summary>The user's habits under <paramref name="laws"/> and <paramref name="seed"/>, drawn at the first day simulated with them.</summary>
    internal ref readonly ListenerHabits HabitsUnder(ListeningLaws laws, long seed)
    {
        if (!ReferenceEquals(laws, _habitsLaws) || seed != _habitsSeed)
        {
            _habits = ListenerHabits.For(seed, UserId, laws);
            _habitsLaws = laws;
            _habitsSeed = seed;
        }
        return ref _habits;
    }

    /// <summary>The local day <paramref name="daysSinceEpoch"/> in zone <paramref name="zoneId"/> (the user's), found from where the previous day's search ended.</summary>
    internal LocalDay LocalDay(string zoneId, int daysSinceEpoch, out ListenerTimeZone zone)
    {
        if (!ReferenceEquals(zoneId, _zoneId))
        {
            if (_zone is null || !string.Equals(_zone.Id, zoneId, StringComparison.Ordinal))
            {
                _zone = ListenerTimeZone.Get(zoneId);
                _zoneHint = 0;
            }
            _zoneId = zoneId;
        }
        zone = _zone!;
        return zone.Day(daysSinceEpoch, ref _zoneHint);
    }

    /// <summary>Where the last search of the user's zone ended, for the searches within a day.</summary>
    internal ref int ZoneHint => ref _zoneHint;

    /// <summary>Refuses to simulate or save this state as another user's; <paramref name="parameterName"/> names the caller's argument at fault.</summary>
    internal void EnsureBelongsTo(long userId, string parameterName)
    {
        if (userId != UserId)
        {
            throw new ArgumentException($"The state belongs to user {UserId}, not {userId}.", parameterName);
        }
    }

    private struct KeyCollector(SimulationCatalog catalog, string[] keys) : IArtistVisitor
    {
        private int _count;

        public readonly string[] Keys => keys;

        public void Visit(int artist) => keys[_count++] = catalog.ArtistKey(artist);
    }

    /// <summary>
    /// Starts loading the state into the cache. A run simulates day-major, so the state of each user has been
    /// evicted by the other users' days when its own day starts; the day touches most of its lines, one
    /// dependent load after another, and asking for all of them at once overlaps the misses instead.
    /// </summary>
    internal void Prefetch()
    {
        Prefetcher.Lines(_heardArtists);
        HeardTracks.Prefetch();
    }

    /// <summary>Makes <paramref name="track"/> the previous track and its artist heard.</summary>
    internal void Play(int track)
    {
        PreviousTrack = track;
        PreviousArtist = Catalog.Facts[track].Artist;
        MarkHeard(PreviousArtist);
    }

    internal void MarkHeard(int artist)
    {
        ref var word = ref _heardArtists[artist >> 6];
        var bit = 1UL << artist;
        if ((word & bit) != 0)
        {
            return;
        }
        word |= bit;
        HeardArtistCount++;
        foreach (var t in Catalog.ArtistTracks(artist))
        {
            HeardTracks.Add(t);
        }
    }
}
