using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>
/// The sample <c>run</c> uses by default (samples/, described in its PROVENANCE.md). The expected figures were counted
/// independently, with python's csv and ast modules over the three files (the join of SPEC section 2, step by step),
/// and agree with the provenance note: 1,890 tracks by 1,162 primary artists across 106 genres.
/// </summary>
public sealed class BundledSamplePreparationTests
{
    private static readonly CatalogSources Samples = new(
        CsvSource.FromFile(RepoPaths.Sample("tracks.csv")),
        CsvSource.FromFile(RepoPaths.Sample("tracks_extended.csv")),
        CsvSource.FromFile(RepoPaths.Sample("artists.csv")));

    private static readonly PreparedCatalog Prepared = CatalogPreparer.Prepare(Samples, new PreparationOptions(new DateOnly(2024, 1, 1)));

    [Fact]
    public void Prepare_BundledSample_GivesTheCatalogItsProvenanceNoteDescribes()
    {
        Assert.Equal(1890, Prepared.Tracks.Count);
        Assert.Equal(1162, Prepared.Tracks.Select(t => t.ArtistId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(106, Prepared.Tracks.Select(t => t.Genre).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(new ArtistJoinCounts(1855, 0, 35), Prepared.Report.ArtistJoin);
    }

    [Fact]
    public void Prepare_BundledSample_ReadsEveryRowWithoutIssues()
    {
        var report = Prepared.Report;

        Assert.Equal((2705L, 0L), (report.TracksFile.RowsRead, report.TracksFile.RowsSkipped));
        Assert.Equal((6273L, 0L), (report.ExtendedFile.RowsRead, report.ExtendedFile.RowsSkipped));
        Assert.Equal((6065L, 0L), (report.ArtistsFile.RowsRead, report.ArtistsFile.RowsSkipped));
        Assert.Equal(6065, Prepared.Artists.Count);
    }

    [Fact]
    public void Prepare_BundledSample_DropCountsMatchAnIndependentCount()
    {
        var dropped = Prepared.Report.Dropped.ToDictionary(d => (d.Step, d.Reason), d => d.Count);

        Assert.Equal(0, dropped[(1, DroppedRows.MissingIdNameOrPopularity)]);
        Assert.Equal(515, dropped[(1, DroppedRows.DuplicateTrackName)]);
        Assert.Equal(1, dropped[(2, DroppedRows.MissingTrackName)]);
        Assert.Equal(4087, dropped[(2, DroppedRows.DuplicateTrackName)]);
        Assert.Equal(300, dropped[(3, DroppedRows.NoGenreMatch)]);
        Assert.Equal(0, dropped[(4, DroppedRows.NoArtist)]);
        Assert.Equal(0, dropped[(5, DroppedRows.DuplicateArtistId)]);
        Assert.Equal(2705 - 515 - 300, Prepared.Tracks.Count);
    }

    [Fact]
    public void Prepare_BundledSample_ReadsEveryReleaseDate()
    {
        // 2,214 yyyy-MM-dd, 488 yyyy and 3 yyyy-MM: no date written with its year last, none unreadable.
        var dates = Prepared.Report.ReleaseDates;

        Assert.Equal(("tracks.csv", (DayMonthOrder?)null, 0L, 0L, 0L), (Path.GetFileName(dates.File), dates.YearLastOrder, dates.YearLastDates, dates.Missing, dates.Unreadable));
        Assert.Equal(new NewnessSummary(33, 1056, 0, false), Prepared.Report.Newness);
    }

    [Fact]
    public void Prepare_BundledSampleSeed42_FindsTheBestClusteringAnIndependentSearchFound()
    {
        // Standardised features, Lloyd's algorithm from 12 k-means++ starts in plain python: the least inertia found was
        // 14975.675531 with clusters of 905, 583 and 402 tracks (3 of the 12 starts reached it).
        var clustering = Prepared.Report.Clustering;

        Assert.Equal([905, 583, 402], clustering.ClusterDetails.Select(c => c.Size));
        Assert.Equal(14975.675531, clustering.Inertia, 6);
    }
}
