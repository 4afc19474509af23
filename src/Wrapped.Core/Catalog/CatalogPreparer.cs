using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>Turns the three input CSV files into the prepared catalog (SPEC section 2), with a report of every row left out.</summary>
public static class CatalogPreparer
{
    /// <exception cref="InputRejectedException">An input file is empty, not CSV, lacks a required column, exceeds the error budget, or the join leaves no track.</exception>
    public static PreparedCatalog Prepare(CatalogSources sources, PreparationOptions options, CancellationToken ct = default)
    {
        options.Validate();
        var readOptions = new CsvReadOptions(options.ErrorBudget);

        // The small files are indexed first so that tracks.csv, the big one, streams through steps 1–4 and only catalog rows stay in memory.
        var genres = new GenreIndex();
        var extendedReport = CsvTableReader.ReadEach(sources.Extended, GenreFile.Schema, GenreFile.Parse, genres.Add, readOptions, ct);
        var artists = new ArtistDirectory();
        var artistsReport = CsvTableReader.ReadEach(sources.Artists, ArtistsFile.Schema, ArtistsFile.Parse, artists.Add, readOptions, ct);
        var (selection, tracksReport, releaseDates) = SelectTracks(sources.Tracks, genres, readOptions, ct);

        var joined = selection.Kept;
        if (joined.Count == 0)
        {
            throw new InputRejectedException(InputRejection.ForFile(
                sources.Extended.Name,
                $"no usable track of {sources.Tracks.Name} has a name that matches a track name in this file: the catalog would be empty"));
        }

        var joiner = new ArtistJoiner(artists);
        var trackArtists = joined.Select(joiner.Match).ToArray();

        var order = releaseDates.YearLastOrder ?? ReleaseDateSurvey.DefaultOrder;
        var dates = joined.Select(track => ReleaseDateParser.Parse(track.Row.ReleaseDateText, order)).ToArray();
        var months = dates.Select(date => NewnessScorer.MonthsElapsed(date, options.ReferenceDate)).ToArray();
        var newness = NewnessScorer.Scores(months);

        var features = AudioFeatureMatrix.Standardise(joined.Select(track => track.Row.Features).ToArray());
        var clusters = KMeansClusterer.Cluster(features.Standardised, AudioFeatureMatrix.Dimensions, options.Clusters, options.Seed, options.KMeansRestarts, ct);

        var tracks = new CatalogTrack[joined.Count];
        for (var i = 0; i < tracks.Length; i++)
        {
            tracks[i] = ToCatalogTrack(joined[i], dates[i], trackArtists[i], newness[i], clusters.Labels[i]);
        }

        var report = new PreparationReport(
            options.ReferenceDate,
            tracksReport,
            extendedReport,
            artistsReport,
            releaseDates,
            DroppedRowsOf(sources, selection, genres, artists),
            joiner.Counts,
            new NewnessSummary(months.Min(), months.Max(), dates.LongCount(date => date is null), months.Min() == months.Max()),
            SummariseClusters(clusters, features, options),
            tracks.Length,
            artists.Artists.Count);
        return new PreparedCatalog(tracks, artists.Artists, report);
    }

    /// <summary>
    /// Steps 1, 3 and 4 over tracks.csv. The file streams once to learn how it writes its dates; only when some of its
    /// dates contradict the order it shows is it read again with that order, so those rows are skipped as bad rows and
    /// never shadow a later row of the same name.
    /// </summary>
    private static (TrackSelection Selection, CsvFileReport Report, ReleaseDateReport ReleaseDates) SelectTracks(
        CsvSource tracks, GenreIndex genres, CsvReadOptions readOptions, CancellationToken ct)
    {
        var survey = new ReleaseDateSurvey(tracks.Name);
        var selection = new TrackSelection(genres);
        var report = CsvTableReader.ReadEach(tracks, TracksFile.Schema, row => TracksFile.Parse(row, yearLastOrder: null), row =>
        {
            survey.Observe(row.Line, row.ReleaseDateText);
            selection.Add(row);
        }, readOptions, ct);
        var releaseDates = survey.Decide();
        if (releaseDates.ContradictingRows == 0)
        {
            return (selection, report, releaseDates);
        }

        selection = new TrackSelection(genres);
        report = CsvTableReader.ReadEach(tracks, TracksFile.Schema, row => TracksFile.Parse(row, releaseDates.YearLastOrder), selection.Add, readOptions, ct);
        return (selection, report, releaseDates);
    }

    private static CatalogTrack ToCatalogTrack(JoinedTrack track, ReleaseDate? releaseDate, CatalogArtist? artist, double newness, int cluster) => new(
        track.Id,
        track.Name,
        track.ArtistName,
        track.ArtistId,
        track.Row.Artists,
        track.Genre.AlbumName,
        track.Genre.Genre,
        track.Row.DurationMs,
        track.Popularity,
        track.Row.Explicit,
        releaseDate?.ToString(),
        track.Row.Features,
        newness,
        cluster,
        artist?.Followers,
        artist?.Popularity);

    private static List<DroppedRows> DroppedRowsOf(CatalogSources sources, TrackSelection selection, GenreIndex genres, ArtistDirectory artists) =>
    [
        new(1, sources.Tracks.Name, DroppedRows.MissingIdNameOrPopularity, selection.MissingIdNameOrPopularity),
        new(1, sources.Tracks.Name, DroppedRows.DuplicateTrackName, selection.DuplicateName),
        new(2, sources.Extended.Name, DroppedRows.MissingTrackName, genres.MissingTrackName),
        new(2, sources.Extended.Name, DroppedRows.DuplicateTrackName, genres.DuplicateTrackName),
        new(3, sources.Tracks.Name, DroppedRows.NoGenreMatch, selection.NoGenreMatch),
        new(4, sources.Tracks.Name, DroppedRows.NoArtist, selection.NoArtist),
        new(5, sources.Artists.Name, DroppedRows.DuplicateArtistId, artists.DuplicateId),
    ];

    private static ClusteringSummary SummariseClusters(KMeansResult clusters, AudioFeatureMatrix features, PreparationOptions options)
    {
        var details = new ClusterSummary[clusters.Clusters];
        for (var label = 0; label < details.Length; label++)
        {
            var standardised = clusters.Centroid(label);
            details[label] = new ClusterSummary(label, clusters.Sizes[label], features.ToOriginalUnits(standardised), standardised.ToArray());
        }

        return new ClusteringSummary(
            options.Clusters,
            clusters.Clusters,
            options.Seed,
            options.KMeansRestarts,
            clusters.Inertia,
            AudioFeatureMatrix.FeatureNames,
            details);
    }
}
