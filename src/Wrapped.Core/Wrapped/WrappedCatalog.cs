using Wrapped.Core.Catalog;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// The catalog as Wrapped reads it: the simulator's arrays (track index = newness rank, artists by key), the names
/// and genres a summary shows, a table from an event's encoded track id to its index and facts, and the popularity tables
/// the commonality score compares each play with. Immutable: shared by every part a process aggregates.
/// </summary>
public sealed class WrappedCatalog
{
    private readonly string[] _trackNames;
    private readonly string[] _artistNames;
    private readonly int[] _trackGenres;
    private readonly TrackGroups[] _groups;
    private readonly string[] _genres;

    private WrappedCatalog(SimulationCatalog tracks, IReadOnlyList<CatalogTrack> rows)
    {
        Tracks = tracks;
        _trackNames = new string[tracks.TrackCount];
        _artistNames = new string[tracks.ArtistCount];
        _trackGenres = new int[tracks.TrackCount];
        var genreIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var track = tracks.TrackIndex(row.TrackId);
            // Rows the simulator left out (no duration, a repeated id) never appear in events; the first row of an id wins.
            if (track < 0 || _trackNames[track] is not null) continue;
            _trackNames[track] = row.Name;
            _artistNames[tracks.ArtistOf(track)] ??= row.ArtistName;
            _trackGenres[track] = string.IsNullOrEmpty(row.Genre) ? NoGenre : GenreIndexOf(genreIndex, row.Genre);
        }
        // Genres indexed in ordinal order, so that ties between genres break by name however the rows were ordered.
        _genres = genreIndex.Keys.Order(StringComparer.Ordinal).ToArray();
        var renumber = genreIndex.ToDictionary(p => p.Value, p => Array.IndexOf(_genres, p.Key));
        for (var t = 0; t < _trackGenres.Length; t++)
        {
            if (_trackGenres[t] != NoGenre) _trackGenres[t] = renumber[_trackGenres[t]];
        }
        _groups = new TrackGroups[tracks.TrackCount];
        for (var t = 0; t < _groups.Length; t++) _groups[t] = new TrackGroups(tracks.ArtistOf(t), _trackGenres[t]);
        Commonality = CommonalityTables.Create(tracks);
        Table = new TrackTable(tracks, t => new PlayFacts(
            tracks.ArtistOf(t),
            tracks.DurationMs(t),
            tracks.Newness(t),
            Commonality.PopularityRank[t],
            (float)Commonality.Artist(NewnessOrder.OldestFirst, t),
            (float)Commonality.Artist(NewnessOrder.NewestFirst, t),
            (float)Commonality.ArtistPosition(t)));
    }

    /// <summary>A track without a genre counts towards no genre.</summary>
    public const int NoGenre = -1;

    public SimulationCatalog Tracks { get; }

    public int TrackCount => Tracks.TrackCount;

    public int ArtistCount => Tracks.ArtistCount;

    public int GenreCount => _genres.Length;

    internal CommonalityTables Commonality { get; }

    /// <summary>Track ids to indexes, and what a play reads about each track.</summary>
    internal TrackTable Table { get; }

    /// <summary>Builds the Wrapped view of <paramref name="rows"/> (the prepared catalog's tracks).</summary>
    public static WrappedCatalog Create(IReadOnlyList<CatalogTrack> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new WrappedCatalog(SimulationCatalog.Create(rows), rows);
    }

    /// <summary>Builds the Wrapped view over a simulation catalog already built from the same <paramref name="rows"/>.</summary>
    public static WrappedCatalog Create(SimulationCatalog tracks, IReadOnlyList<CatalogTrack> rows)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(rows);
        return new WrappedCatalog(tracks, rows);
    }

    public string TrackName(int track) => _trackNames[track];

    public string ArtistName(int artist) => _artistNames[artist];

    /// <summary>The genre index of the track, or <see cref="NoGenre"/>.</summary>
    public int GenreOf(int track) => _trackGenres[track];

    public string Genre(int genre) => _genres[genre];

    /// <summary>The track's artist and genre side by side: a summary reads both for every track played.</summary>
    internal TrackGroups GroupsOf(int track) => _groups[track];

    private static int GenreIndexOf(Dictionary<string, int> index, string genre)
    {
        if (!index.TryGetValue(genre, out var i))
        {
            i = index.Count;
            index.Add(genre, i);
        }
        return i;
    }
}

/// <summary>What a track's totals add to: its artist, and its genre or <see cref="WrappedCatalog.NoGenre"/>.</summary>
internal readonly record struct TrackGroups(int Artist, int Genre);
