using System.Text.Json;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>
/// The earlier, smaller real copies (tests/fixtures/small-sample, with its PROVENANCE.md): index columns, CRLF and a
/// <c>Unnamed: 0</c> column, read as they are.
/// </summary>
public sealed class SmallSamplePreparationTests
{
    private static readonly CatalogSources Samples = new(
        CsvSource.FromFile(RepoPaths.SmallSample("tracks.csv")),
        CsvSource.FromFile(RepoPaths.SmallSample("tracks_extended.csv")),
        CsvSource.FromFile(RepoPaths.SmallSample("artists.csv")));

    private static readonly PreparedCatalog Prepared = CatalogPreparer.Prepare(Samples, new PreparationOptions(new DateOnly(2024, 1, 1)));

    [Fact]
    public void SmallSample_Files_KeepTheQuirksTheseTestsCover()
    {
        var extended = File.ReadAllText(RepoPaths.SmallSample("tracks_extended.csv"));

        Assert.StartsWith(",id,name,", File.ReadAllText(RepoPaths.SmallSample("tracks.csv")), StringComparison.Ordinal);
        Assert.StartsWith(",id,followers,", File.ReadAllText(RepoPaths.SmallSample("artists.csv")), StringComparison.Ordinal);
        Assert.StartsWith("Unnamed: 0,", extended, StringComparison.Ordinal);
        Assert.Equal(extended.Count(c => c == '\n'), extended.Split("\r\n").Length - 1);
    }

    [Fact]
    public void Prepare_SmallSample_KeepsOneTrackPerMatchingName()
    {
        // PROVENANCE.md: 106 tracks rows match a genre-file track_name, under 93 distinct names.
        Assert.Equal(93, Prepared.Tracks.Count);
        Assert.Equal(93, Prepared.Tracks.Select(t => t.Name).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(93, Prepared.Report.TrackCount);
    }

    [Fact]
    public void Prepare_SmallSample_ReadsEveryRowWithoutIssues()
    {
        var report = Prepared.Report;

        Assert.Equal((1595L, 0L), (report.TracksFile.RowsRead, report.TracksFile.RowsSkipped));
        Assert.Equal((5000L, 0L), (report.ExtendedFile.RowsRead, report.ExtendedFile.RowsSkipped));
        Assert.Equal((484L, 0L), (report.ArtistsFile.RowsRead, report.ArtistsFile.RowsSkipped));
        Assert.Equal(484, Prepared.Artists.Count);
    }

    [Fact]
    public void Prepare_SmallSample_AccountsForEveryTracksRow()
    {
        var report = Prepared.Report;
        var droppedFromTracks = report.Dropped.Where(d => d.File == Samples.Tracks.Name).Sum(d => d.Count);

        Assert.Equal(report.TracksFile.RowsRead - report.TracksFile.RowsSkipped, droppedFromTracks + report.TrackCount);
        Assert.Equal(1, report.Dropped.Single(d => d.Step == 2 && d.Reason == DroppedRows.MissingTrackName).Count);
    }

    [Fact]
    public void Prepare_SmallSample_DropCountsMatchAnIndependentCount()
    {
        // Counted separately with python's csv module over the sample files.
        var dropped = Prepared.Report.Dropped.ToDictionary(d => (d.Step, d.Reason), d => d.Count);

        Assert.Equal(0, dropped[(1, DroppedRows.MissingIdNameOrPopularity)]);
        Assert.Equal(86, dropped[(1, DroppedRows.DuplicateTrackName)]);
        Assert.Equal(1, dropped[(2, DroppedRows.MissingTrackName)]);
        Assert.Equal(284, dropped[(2, DroppedRows.DuplicateTrackName)]);
        Assert.Equal(1595 - 86 - 93, dropped[(3, DroppedRows.NoGenreMatch)]);
    }

    [Fact]
    public void Prepare_SmallSample_NewnessSpansTheReleaseDates()
    {
        var newness = Prepared.Report.Newness;

        Assert.Equal(new NewnessSummary(33, 998, 0, false), newness);
        Assert.Equal(1.0, Prepared.Tracks.Max(t => t.NewnessScore));
        Assert.Equal(0.0, Prepared.Tracks.Min(t => t.NewnessScore));
    }

    [Fact]
    public void Prepare_SmallSample_JoinsArtistsByIdAndClustersIntoThree()
    {
        var report = Prepared.Report;

        // Checked independently with python's csv module: every catalog track's first id_artists entry is in artists.csv.
        Assert.Equal(new ArtistJoinCounts(93, 0, 0), report.ArtistJoin);
        Assert.Equal(3, report.Clustering.Clusters);
        Assert.Equal(93, report.Clustering.ClusterDetails.Sum(c => c.Size));
        Assert.All(Prepared.Tracks, t => Assert.InRange(t.AudioFeaturesType, 0, 2));
        Assert.All(Prepared.Tracks, t => Assert.InRange(t.NewnessScore, 0.0, 1.0));
    }

    [Fact]
    public void Prepare_SmallSampleSeed42_GivesPinnedClusterSizes()
    {
        // Golden values: a change here means the clustering of existing runs would change; bump deliberately.
        Assert.Equal([53, 29, 11], Prepared.Report.Clustering.ClusterDetails.Select(c => c.Size));
        Assert.Equal(746.958910, Prepared.Report.Clustering.Inertia, 6);
    }

    [Fact]
    public void Prepare_SmallSample_ReportSerialisesToCamelCaseJson()
    {
        var json = JsonSerializer.Serialize(Prepared.Report, new JsonSerializerOptions(JsonSerializerDefaults.Web));

        Assert.Contains("\"referenceDate\":\"2024-01-01\"", json);
        Assert.Contains("\"artistJoin\":{\"matchedById\":", json);
        Assert.Contains("\"clusterDetails\":[", json);
    }
}
