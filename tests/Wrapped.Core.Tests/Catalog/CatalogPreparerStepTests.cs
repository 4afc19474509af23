using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using static Wrapped.Core.Tests.Catalog.CatalogFixture;

namespace Wrapped.Core.Tests.Catalog;

public sealed class CatalogPreparerStepTests
{
    private static readonly string Genres = FileText(ExtendedHeader, Genre(0, "A", "pop"), Genre(1, "B", "rock"), Genre(2, "C", "jazz"), Genre(3, "a", "folk"));

    private static readonly string Artists = FileText(ArtistsHeader, Artist(0, "id1", "One"));

    private static long Dropped(PreparedCatalog catalog, int step, string reason) =>
        catalog.Report.Dropped.Single(d => d.Step == step && d.Reason == reason).Count;

    [Fact]
    public void Prepare_RowsMissingIdNameOrPopularity_AreDroppedAndCountedNotRowIssues()
    {
        var tracks = FileText(
            TracksHeader,
            Track("", "A", "40", "['One']", "['id1']"),
            Track("t2", "", "40", "['One']", "['id1']"),
            Track("t3", "B", "", "['One']", "['id1']"),
            Track("t4", "C", "40", "['One']", "['id1']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options);

        Assert.Equal(["t4"], catalog.Tracks.Select(t => t.TrackId));
        Assert.Equal(3, Dropped(catalog, 1, DroppedRows.MissingIdNameOrPopularity));
        Assert.Equal(0, catalog.Report.TracksFile.RowsSkipped);
    }

    [Fact]
    public void Prepare_DuplicateTrackNames_KeepsFirstRowComparingOrdinally()
    {
        var tracks = FileText(
            TracksHeader,
            Track("t1", "A", "10", "['One']", "['id1']"),
            Track("t2", "A", "90", "['One']", "['id1']"),
            Track("t3", "a", "20", "['One']", "['id1']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options);

        Assert.Equal(["t1", "t3"], catalog.Tracks.Select(t => t.TrackId));
        Assert.Equal(("pop", "folk"), (catalog.Tracks[0].Genre, catalog.Tracks[1].Genre));
        Assert.Equal(1, Dropped(catalog, 1, DroppedRows.DuplicateTrackName));
    }

    [Fact]
    public void Prepare_TracksWithoutGenreMatch_AreDroppedAndCounted()
    {
        var tracks = FileText(TracksHeader, Track("t1", "A", "10", "['One']", "['id1']"), Track("t2", "Nowhere", "10", "['One']", "['id1']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options);

        Assert.Single(catalog.Tracks);
        Assert.Equal(1, Dropped(catalog, 3, DroppedRows.NoGenreMatch));
    }

    [Fact]
    public void Prepare_TrackOrder_FollowsTracksFileNotGenreFile()
    {
        var tracks = FileText(TracksHeader, Track("t3", "C", "1", "['One']", "['id1']"), Track("t1", "A", "1", "['One']", "['id1']"), Track("t2", "B", "1", "['One']", "['id1']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options);

        Assert.Equal(["t3", "t1", "t2"], catalog.Tracks.Select(t => t.TrackId));
    }

    [Fact]
    public void Prepare_UnparseableRowsWithinBudget_AreSkippedWithLineNumbers()
    {
        var tracks = FileText(
            TracksHeader,
            Track("t1", "A", "abc", "['One']", "['id1']"),
            Track("t2", "B", "10", "['One']", "['id1']").Replace(",200000,", ",-5,", StringComparison.Ordinal),
            Track("t3", "C", "10", "['One']", "['id1']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options with { ErrorBudget = 0.7 });

        Assert.Equal(["t3"], catalog.Tracks.Select(t => t.TrackId));
        Assert.Equal(2, catalog.Report.TracksFile.RowsSkipped);
        Assert.Equal([(2L, (string?)"popularity"), (3L, "duration_ms")], catalog.Report.TracksFile.SampleIssues.Select(i => (i.Line, i.Column)));
    }

    [Fact]
    public void Prepare_UnparseableRowsOverDefaultBudget_RejectsTracksFile()
    {
        var tracks = FileText(TracksHeader, Track("t1", "A", "abc", "['One']", "['id1']"), Track("t3", "C", "10", "['One']", "['id1']"));

        var exception = Assert.Throws<InputRejectedException>(
            () => CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options with { ErrorBudget = 0.01 }));

        Assert.Equal("tracks.csv", exception.Rejection.File);
        Assert.Equal(2, exception.Rejection.Line);
        Assert.Equal("popularity", exception.Rejection.Column);
    }

    [Fact]
    public void Prepare_ReleaseDates_AreNormalisedAndScored()
    {
        var tracks = FileText(
            TracksHeader,
            Track("t1", "A", "1", "['One']", "['id1']", releaseDate: "2000"),
            Track("t2", "B", "1", "['One']", "['id1']", releaseDate: "07/04/2023"),
            Track("t3", "C", "1", "['One']", "['id1']", releaseDate: "garbage"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options);

        Assert.Equal(["2000", "2023-07-04", null], catalog.Tracks.Select(t => t.ReleaseDate));
        // Months: 2000 → 300, 2023-07-04 (the one year-last date reads either way: month first, the default) → 181 days / 30 = 6, garbage → 0.
        Assert.Equal([0.0, 1 - (6 / 300.0), 1.0], catalog.Tracks.Select(t => Math.Round(t.NewnessScore, 12)));
        Assert.Equal(new NewnessSummary(0, 300, 1, false), catalog.Report.Newness);
    }

    [Fact]
    public void Prepare_SameInputTwice_GivesIdenticalCatalog()
    {
        var lines = Enumerable.Range(0, 60).Select(i => Track($"t{i}", $"N{i}", "1", "['One']", "['id1']", tempo: 60 + (i % 3 * 50) + (i % 7)));
        var genres = FileText([ExtendedHeader, .. Enumerable.Range(0, 60).Select(i => Genre(i, $"N{i}", "pop"))]);
        var tracks = FileText([TracksHeader, .. lines]);

        var first = CatalogPreparer.Prepare(Sources(tracks, genres, Artists), Options);
        var second = CatalogPreparer.Prepare(Sources(tracks, genres, Artists), Options);

        Assert.Equal(first.Tracks, second.Tracks, (a, b) => a with { Artists = [] } == b with { Artists = [] } && a.Artists.SequenceEqual(b.Artists));
        Assert.Equal(first.Report.Clustering.ClusterDetails.SelectMany(c => c.Centroid), second.Report.Clustering.ClusterDetails.SelectMany(c => c.Centroid));
        Assert.Equal([20, 20, 20], first.Report.Clustering.ClusterDetails.Select(c => c.Size));
    }

    [Fact]
    public void Prepare_ClusterCentroids_AreReportedInOriginalUnits()
    {
        var lines = Enumerable.Range(0, 30).Select(i => Track($"t{i}", $"N{i}", "1", "['One']", "['id1']", tempo: i < 20 ? 100 : 200));
        var genres = FileText([ExtendedHeader, .. Enumerable.Range(0, 30).Select(i => Genre(i, $"N{i}", "pop"))]);

        var catalog = CatalogPreparer.Prepare(Sources(FileText([TracksHeader, .. lines]), genres, Artists), Options with { Clusters = 2 });

        var clusters = catalog.Report.Clustering.ClusterDetails;
        var tempo = AudioFeatureMatrix.FeatureNames.ToList().IndexOf("tempo");
        Assert.Equal([20, 10], clusters.Select(c => c.Size));
        Assert.Equal(100.0, clusters[0].Centroid[tempo], 9);
        Assert.Equal(200.0, clusters[1].Centroid[tempo], 9);
        Assert.True(clusters[0].StandardisedCentroid[tempo] < 0);
        Assert.Equal(0.0, clusters[0].StandardisedCentroid[0]);
    }
}
