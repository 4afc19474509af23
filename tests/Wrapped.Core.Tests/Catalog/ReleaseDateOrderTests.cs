using System.Text;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using static Wrapped.Core.Tests.Catalog.CatalogFixture;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>
/// A date written with its year last is read in the order its file shows: the expected dates below are worked out by
/// hand from each file's unambiguous values (a first component above 12 is a day, a second one above 12 is a day).
/// </summary>
public sealed class ReleaseDateOrderTests
{
    private static readonly string[] Names = ["A", "B", "C", "D", "E", "F"];

    private static readonly string Genres = FileText([ExtendedHeader, .. Names.Select((name, i) => Genre(i, name, "pop"))]);

    private static readonly string Artists = FileText(ArtistsHeader, Artist(0, "id1", "One"));

    private static PreparedCatalog PrepareWithDates(params string[] dates) => CatalogPreparer.Prepare(
        Sources(FileText([TracksHeader, .. dates.Select((date, i) => Track($"t{i}", Names[i], "50", "['One']", "['id1']", releaseDate: date))]), Genres, Artists),
        Options);

    [Fact]
    public void Prepare_MonthFirstFile_ReadsEveryYearLastDateMonthFirst()
    {
        var catalog = PrepareWithDates("3/25/2021", "3/4/2021", "12/31/2020", "2021-05-06");

        Assert.Equal(["2021-03-25", "2021-03-04", "2020-12-31", "2021-05-06"], catalog.Tracks.Select(t => t.ReleaseDate));
        var dates = catalog.Report.ReleaseDates;
        Assert.Equal(
            ("tracks.csv", (DayMonthOrder?)DayMonthOrder.MonthFirst, 3L, 1L, 0L, 2L, 0L, 0L, 0L),
            (dates.File, dates.YearLastOrder, dates.YearLastDates, dates.Ambiguous, dates.DayFirstOnly, dates.MonthFirstOnly, dates.ContradictingRows, dates.Missing, dates.Unreadable));
        Assert.StartsWith("month first: 2 dates read only month first, first at line 2: '3/25/2021'", dates.OrderReason, StringComparison.Ordinal);
        Assert.Equal(0, catalog.Report.TracksFile.RowsSkipped);
    }

    [Fact]
    public void Prepare_DayFirstFile_ReadsEveryYearLastDateDayFirst()
    {
        var catalog = PrepareWithDates("3/4/2021", "25/3/2021", "31.12.2020", "1999");

        Assert.Equal(["2021-04-03", "2021-03-25", "2020-12-31", "1999"], catalog.Tracks.Select(t => t.ReleaseDate));
        var dates = catalog.Report.ReleaseDates;
        Assert.Equal(
            ((DayMonthOrder?)DayMonthOrder.DayFirst, 3L, 1L, 2L, 0L, 0L),
            (dates.YearLastOrder, dates.YearLastDates, dates.Ambiguous, dates.DayFirstOnly, dates.MonthFirstOnly, dates.ContradictingRows));
        Assert.StartsWith("day first: 2 dates read only day first, first at line 3: '25/3/2021'", dates.OrderReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_AllAmbiguousFile_UsesTheDocumentedDefaultAndSaysSo()
    {
        var catalog = PrepareWithDates("3/4/2021", "5/6/2020", "7/7/2019");

        Assert.Equal(DayMonthOrder.MonthFirst, ReleaseDateSurvey.DefaultOrder);
        Assert.Equal(["2021-03-04", "2020-05-06", "2019-07-07"], catalog.Tracks.Select(t => t.ReleaseDate));
        var dates = catalog.Report.ReleaseDates;
        Assert.Equal(((DayMonthOrder?)DayMonthOrder.MonthFirst, 3L, 2L, 0L, 0L), (dates.YearLastOrder, dates.YearLastDates, dates.Ambiguous, dates.DayFirstOnly, dates.MonthFirstOnly));
        Assert.Contains("the default", dates.OrderReason, StringComparison.Ordinal);
        Assert.Contains("none of the 3 year-last dates says which order", dates.OrderReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Prepare_OneRowContradictingTheFilesOrder_IsABadRowAndDoesNotShadowItsName()
    {
        // Lines 2-4 show a day-first file; line 5 only reads month first; line 6 has the same name as line 5.
        var tracks = FileText(
            TracksHeader,
            Track("t0", "A", "50", "['One']", "['id1']", releaseDate: "25/3/2021"),
            Track("t1", "B", "50", "['One']", "['id1']", releaseDate: "13/1/2020"),
            Track("t2", "C", "50", "['One']", "['id1']", releaseDate: "3/4/2021"),
            Track("t3", "D", "50", "['One']", "['id1']", releaseDate: "3/25/2021"),
            Track("t4", "D", "50", "['One']", "['id1']", releaseDate: "1/2/2019"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, Genres, Artists), Options);

        Assert.Equal(["t0", "t1", "t2", "t4"], catalog.Tracks.Select(t => t.TrackId));
        Assert.Equal(["2021-03-25", "2020-01-13", "2021-04-03", "2019-02-01"], catalog.Tracks.Select(t => t.ReleaseDate));
        var file = catalog.Report.TracksFile;
        Assert.Equal((5L, 1L), (file.RowsRead, file.RowsSkipped));
        var issue = Assert.Single(file.SampleIssues);
        Assert.Equal((5L, (string?)"release_date"), (issue.Line, issue.Column));
        Assert.Contains("'3/25/2021' only reads month first, but this file writes its dates day first", issue.Reason, StringComparison.Ordinal);
        var dates = catalog.Report.ReleaseDates;
        Assert.Equal(((DayMonthOrder?)DayMonthOrder.DayFirst, 2L, 1L, 1L), (dates.YearLastOrder, dates.DayFirstOnly, dates.MonthFirstOnly, dates.ContradictingRows));
        Assert.Contains("the 1 that contradicts it is a bad row", dates.OrderReason, StringComparison.Ordinal);
        Assert.Equal(0, catalog.Report.Dropped.Single(d => d.Step == 1 && d.Reason == DroppedRows.DuplicateTrackName).Count);
    }

    [Fact]
    public void Prepare_ContradictingRowsOverTheBudget_RejectTheFile()
    {
        var exception = Assert.Throws<InputRejectedException>(() => CatalogPreparer.Prepare(
            Sources(FileText(TracksHeader,
                Track("t0", "A", "50", "['One']", "['id1']", releaseDate: "25/3/2021"),
                Track("t1", "B", "50", "['One']", "['id1']", releaseDate: "26/3/2021"),
                Track("t2", "C", "50", "['One']", "['id1']", releaseDate: "3/27/2021")), Genres, Artists),
            Options with { ErrorBudget = 0.01 }));

        Assert.Equal(("tracks.csv", (long?)4, (string?)"release_date"), (exception.Rejection.File, exception.Rejection.Line, exception.Rejection.Column));
    }

    [Fact]
    public void Prepare_UnreadableAndMissingDates_AreCountedWithTheirLines()
    {
        var catalog = PrepareWithDates("2020-01-01", "soon", "", "30/2/2021", "2019");

        Assert.Equal(["2020-01-01", null, null, null, "2019"], catalog.Tracks.Select(t => t.ReleaseDate));
        var dates = catalog.Report.ReleaseDates;
        Assert.Equal((2L, 1L), (dates.Unreadable, dates.Missing));
        Assert.Equal([3L, 5L], dates.UnreadableSample.Select(i => i.Line));
        Assert.Contains("'soon'", dates.UnreadableSample[0].Reason, StringComparison.Ordinal);
        // 30/2/2021 is written year last but reads in neither order: no evidence, so the default applies.
        Assert.Equal(((DayMonthOrder?)DayMonthOrder.MonthFirst, 1L, 0L), (dates.YearLastOrder, dates.YearLastDates, dates.Ambiguous));
    }

    [Fact]
    public void Report_ReleaseDates_SerialiseTheOrderByName()
    {
        var json = Encoding.UTF8.GetString(FeedJson.Serialize(PrepareWithDates("25/3/2021").Report.ReleaseDates));

        Assert.Contains("\"yearLastOrder\": \"dayFirst\"", json, StringComparison.Ordinal);
        Assert.Contains("\"orderReason\": \"day first: 1 date read only day first", json, StringComparison.Ordinal);
    }
}
