using System.Runtime.CompilerServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// Turns a listener-year's totals into its summary: the top lists (artists and genres summed from the per-track
/// totals), distinct counts and the four scores. Reuses per-artist and per-genre scratch arrays: one per aggregator.
/// </summary>
internal sealed class SummaryBuilder
{
    private readonly WrappedCatalog _catalog;
    // Listening time and plays side by side: a track's totals add to one line of each.
    private readonly Totals[] _artistTotals;
    private readonly List<int> _artists = [];
    private readonly Totals[] _genreTotals;
    private readonly List<int> _genres = [];
    private readonly TopList _topTracks;
    private readonly TopList _topArtists;
    private readonly TopList _topGenres;

    public SummaryBuilder(WrappedCatalog catalog)
    {
        _catalog = catalog;
        _artistTotals = new Totals[catalog.ArtistCount];
        _genreTotals = new Totals[catalog.GenreCount];
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
            ref var artistTotals = ref _artistTotals[artist];
            _topArtists.Offer(artist, artistTotals.ListeningMs, artistTotals.Plays);
            artistTotals = default;
        }
        var distinctArtists = _artists.Count;
        _artists.Clear();
        // Only the genres played are visited and cleared: a catalog has thousands, a listener-year a few dozen.
        foreach (var genre in _genres)
        {
            ref var genreTotals = ref _genreTotals[genre];
            _topGenres.Offer(genre, genreTotals.ListeningMs, genreTotals.Plays);
            genreTotals = default;
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

    private struct Totals
    {
        public long ListeningMs;
        public long Plays;
    }

    private readonly struct TotalsVisitor(SummaryBuilder builder) : TrackTallies.ITallyVisitor
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Visit(int track, long listeningMs, int plays)
        {
            builder._topTracks.Offer(track, listeningMs, plays);
            var (artist, genre) = builder._catalog.GroupsOf(track);
            ref var artistTotals = ref builder._artistTotals[artist];
            if (artistTotals.Plays == 0) builder._artists.Add(artist);
            artistTotals.ListeningMs += listeningMs;
            artistTotals.Plays += plays;
            if (genre != WrappedCatalog.NoGenre)
            {
                ref var genreTotals = ref builder._genreTotals[genre];
                if (genreTotals.Plays == 0) builder._genres.Add(genre);
                genreTotals.ListeningMs += listeningMs;
                genreTotals.Plays += plays;
            }
        }
    }
}
