namespace Wrapped.Core.Wrapped;

/// <summary>
/// Turns a listener-year's totals into its summary: the top lists (artists and genres summed from the per-track
/// totals), distinct counts and the four scores. Reuses per-artist and per-genre scratch arrays: one per aggregator.
/// </summary>
internal sealed class SummaryBuilder
{
    private readonly WrappedCatalog _catalog;
    private readonly long[] _artistMs;
    private readonly long[] _artistPlays;
    private readonly List<int> _artists = [];
    private readonly long[] _genreMs;
    private readonly long[] _genrePlays;
    private readonly List<int> _genres = [];
    private readonly TopList _topTracks;
    private readonly TopList _topArtists;
    private readonly TopList _topGenres;

    public SummaryBuilder(WrappedCatalog catalog)
    {
        _catalog = catalog;
        _artistMs = new long[catalog.ArtistCount];
        _artistPlays = new long[catalog.ArtistCount];
        _genreMs = new long[catalog.GenreCount];
        _genrePlays = new long[catalog.GenreCount];
        var tracks = catalog.Tracks;
        _topTracks = new TopList(tracks.TrackId);
        _topArtists = new TopList(tracks.ArtistKey);
        _topGenres = new TopList(catalog.Genre);
    }

    public WrappedSummaryRecord Build(long userId, ListenerClock clock, ListenerYear year, string? generatedPersonality)
    {
        _topTracks.Clear();
        _topArtists.Clear();
        _topGenres.Clear();
        var totals = new TotalsVisitor(this);
        year.Tracks.ForEach(ref totals);

        foreach (var artist in _artists)
        {
            _topArtists.Offer(artist, _artistMs[artist], _artistPlays[artist]);
            _artistMs[artist] = 0;
            _artistPlays[artist] = 0;
        }
        var distinctArtists = _artists.Count;
        _artists.Clear();
        // Only the genres played are visited and cleared: a catalog has thousands, a listener-year a few dozen.
        foreach (var genre in _genres)
        {
            _topGenres.Offer(genre, _genreMs[genre], _genrePlays[genre]);
            _genreMs[genre] = 0;
            _genrePlays[genre] = 0;
        }
        _genres.Clear();

        var tracks = _catalog.Tracks;
        var scores = new ListeningScores(
            Familiarity: (double)year.FamiliarPlays / year.Plays,
            Newness: year.NewnessSum / year.Plays,
            Loyalty: (double)year.RepeatPlays / year.Plays,
            Commonality: year.Commonality());
        return new WrappedSummaryRecord(
            userId,
            year.Year,
            clock.ZoneId,
            year.ListeningMs,
            year.Plays,
            year.Skips,
            year.Tracks.Count,
            distinctArtists,
            _topTracks.ToItems(_catalog.TrackName, t => _catalog.ArtistName(tracks.ArtistOf(t))),
            _topArtists.ToItems(_catalog.ArtistName, _ => null),
            _topGenres.ToItems(_catalog.Genre, _ => null),
            ((ReadOnlySpan<long>)year.ListeningMsByMonth).ToArray(),
            ((ReadOnlySpan<long>)year.PlaysByHour).ToArray(),
            ((ReadOnlySpan<long>)year.PlaysByWeekday).ToArray(),
            year.FirstPlayMs,
            year.LastPlayMs,
            scores,
            Personality: "",
            generatedPersonality);
    }

    private readonly struct TotalsVisitor(SummaryBuilder builder) : TrackTallies.ITallyVisitor
    {
        public void Visit(int track, long listeningMs, int plays)
        {
            builder._topTracks.Offer(track, listeningMs, plays);
            var artist = builder._catalog.Tracks.ArtistOf(track);
            if (builder._artistPlays[artist] == 0) builder._artists.Add(artist);
            builder._artistMs[artist] += listeningMs;
            builder._artistPlays[artist] += plays;
            var genre = builder._catalog.GenreOf(track);
            if (genre != WrappedCatalog.NoGenre)
            {
                if (builder._genrePlays[genre] == 0) builder._genres.Add(genre);
                builder._genreMs[genre] += listeningMs;
                builder._genrePlays[genre] += plays;
            }
        }
    }
}
