using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Tests.TestSupport;
using static Wrapped.Core.Tests.Catalog.CatalogFixture;

namespace Wrapped.Core.Tests.Catalog;

public sealed class CatalogPreparerRejectionTests
{
    private static readonly string Tracks = FileText(TracksHeader, Track("t1", "A", "1", "['One']", "['id1']"));
    private static readonly string Genres = FileText(ExtendedHeader, Genre(0, "A", "pop"));
    private static readonly string Artists = FileText(ArtistsHeader, Artist(0, "id1", "One"));

    private static InputRejection Rejection(string tracks, string genres, string artists) =>
        Assert.Throws<InputRejectedException>(() => CatalogPreparer.Prepare(Sources(tracks, genres, artists), Options)).Rejection;

    [Theory]
    [InlineData("tempo")]
    [InlineData("popularity")]
    [InlineData("release_date")]
    [InlineData("artists")]
    public void Prepare_TracksFileMissingRequiredColumn_RejectsNamingFileAndColumn(string column)
    {
        var header = string.Join(',', TracksHeader.Split(',').Select(name => name == column ? "something_else" : name));

        var rejection = Rejection(Tracks.Replace(TracksHeader, header, StringComparison.Ordinal), Genres, Artists);

        Assert.Equal(("tracks.csv", column), (rejection.File, rejection.Column));
        Assert.Contains($"'{column}'", rejection.Reason);
    }

    [Fact]
    public void Prepare_GenreFileWithoutGenreColumn_RejectsNamingBothSpellings()
    {
        var rejection = Rejection(Tracks, FileText("track_id,track_name,album_name", "x,A,LP"), Artists);

        Assert.Equal(("tracks_extended.csv", "track_genre"), (rejection.File, rejection.Column));
        Assert.Contains("'track_genre' (or 'genre')", rejection.Reason);
    }

    [Fact]
    public void Prepare_ArtistsFileWithoutPopularity_RejectsNamingIt()
    {
        var rejection = Rejection(Tracks, Genres, FileText("id,followers,genres,name", "id1,1.0,[],One"));

        Assert.Equal(("artists.csv", "popularity"), (rejection.File, rejection.Column));
    }

    [Fact]
    public void Prepare_EmptyArtistsFile_RejectsItAsEmpty()
    {
        var rejection = Rejection(Tracks, Genres, "");

        Assert.Equal("artists.csv", rejection.File);
        Assert.Contains("empty", rejection.Reason);
    }

    [Fact]
    public void Prepare_HeaderOnlyTracksFile_RejectsSayingNoRows()
    {
        var rejection = Rejection(TracksHeader + "\n", Genres, Artists);

        Assert.Equal("tracks.csv", rejection.File);
        Assert.Contains("no data rows", rejection.Reason);
    }

    [Fact]
    public void Prepare_BinaryTracksFile_RejectsAsNotCsv()
    {
        var sources = Sources(Tracks, Genres, Artists) with { Tracks = CsvTestSources.FromBytes("tracks.parquet", [0x50, 0x41, 0x52, 0x31, 0x15, 0x00, 0x15]) };

        var rejection = Assert.Throws<InputRejectedException>(() => CatalogPreparer.Prepare(sources, Options)).Rejection;

        Assert.Equal("tracks.parquet", rejection.File);
        Assert.Contains("binary content", rejection.Reason);
    }

    [Fact]
    public void Prepare_NoTrackMatchesGenreFile_RejectsRatherThanWritingEmptyCatalog()
    {
        var rejection = Rejection(Tracks, FileText(ExtendedHeader, Genre(0, "Other", "pop")), Artists);

        Assert.Equal("tracks_extended.csv", rejection.File);
        Assert.Contains("catalog would be empty", rejection.Reason);
    }

    [Fact]
    public void InputRejectedException_Message_IsOneReadableLine()
    {
        var exception = Assert.Throws<InputRejectedException>(
            () => CatalogPreparer.Prepare(Sources(Tracks, Genres, FileText("id,name", "id1,One")), Options));

        Assert.Equal("artists.csv: line 1, column 'popularity': missing required column 'popularity'", exception.Message);
    }

    [Fact]
    public void Prepare_InvalidOptions_Throw() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => CatalogPreparer.Prepare(Sources(Tracks, Genres, Artists), Options with { Clusters = 0 }));
}
