using Wrapped.Core.Catalog;
using static Wrapped.Core.Tests.Catalog.CatalogFixture;

namespace Wrapped.Core.Tests.Catalog;

public sealed class CatalogPreparerJoinTests
{
    private static readonly string DefaultGenres = FileText(ExtendedHeader, Genre(0, "Duet", "pop"), Genre(1, "Solo", "rock"), Genre(2, "Lonely", "jazz"));

    private static readonly string DefaultArtists = FileText(ArtistsHeader, Artist(0, "idA", "Alice", "376805.0", 66), Artist(1, "idC", "Carol"));

    [Fact]
    public void Prepare_MultiArtistTrack_IsKeptAndJoinedOnPrimaryArtistId()
    {
        // Regression: the reference joined artists.csv on the whole artists string, so "['Alice', 'Bob']" matched no artist and the track vanished.
        var tracks = FileText(TracksHeader, Track("t1", "Duet", "40", "['Alice', 'Bob']", "['idA', 'idB']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, DefaultGenres, DefaultArtists), Options);

        var track = Assert.Single(catalog.Tracks);
        Assert.Equal(("Alice", "idA", 376805L, 66), (track.ArtistName, track.ArtistId, track.ArtistFollowers!.Value, track.ArtistPopularity!.Value));
        Assert.Equal(["Alice", "Bob"], track.Artists);
        Assert.Equal(new ArtistJoinCounts(1, 0, 0), catalog.Report.ArtistJoin);
    }

    [Fact]
    public void Prepare_NoIdArtistsColumn_FallsBackToArtistName()
    {
        var tracks = FileText(TracksHeaderWithoutArtistIds, TrackWithoutArtistIds("t1", "Solo", "['Carol', 'Dan']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, DefaultGenres, DefaultArtists), Options);

        var track = Assert.Single(catalog.Tracks);
        Assert.Null(track.ArtistId);
        Assert.Equal("Carol", track.ArtistKey);
        Assert.Equal(1000L, track.ArtistFollowers);
        Assert.Equal(new ArtistJoinCounts(0, 1, 0), catalog.Report.ArtistJoin);
    }

    [Fact]
    public void Prepare_ArtistAbsentFromArtistsFile_IsKeptWithNullsAndCounted()
    {
        var tracks = FileText(TracksHeader, Track("t1", "Lonely", "40", "['Zed']", "['idZ']"), Track("t2", "Duet", "40", "['Alice']", "['idA']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, DefaultGenres, DefaultArtists), Options);

        Assert.Equal(2, catalog.Tracks.Count);
        Assert.Null(catalog.Tracks[0].ArtistFollowers);
        Assert.Null(catalog.Tracks[0].ArtistPopularity);
        Assert.Equal(new ArtistJoinCounts(1, 0, 1), catalog.Report.ArtistJoin);
    }

    [Fact]
    public void Prepare_IdPresentButUnknown_DoesNotMatchANamesake()
    {
        var tracks = FileText(TracksHeader, Track("t1", "Lonely", "40", "['Alice']", "['someOtherAlice']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, DefaultGenres, DefaultArtists), Options);

        Assert.Null(Assert.Single(catalog.Tracks).ArtistFollowers);
        Assert.Equal(new ArtistJoinCounts(0, 0, 1), catalog.Report.ArtistJoin);
    }

    [Fact]
    public void Prepare_TracksExtendedVariant_BringsAlbumAndGenre()
    {
        var tracks = FileText(TracksHeader, Track("t1", "Duet", "40", "['Alice']", "['idA']"));

        var track = Assert.Single(CatalogPreparer.Prepare(Sources(tracks, DefaultGenres, DefaultArtists), Options).Tracks);

        Assert.Equal(("Album", "pop"), (track.AlbumName, track.Genre));
    }

    [Fact]
    public void Prepare_GenreVariantWithoutAlbum_HasNullAlbum()
    {
        var tracks = FileText(TracksHeader, Track("t1", "Duet", "40", "['Alice']", "['idA']"));
        var genres = FileText("genre,artist_name,name,id,popularity", "Opera,Alice,Duet,x1,3");

        var track = Assert.Single(CatalogPreparer.Prepare(Sources(tracks, genres, DefaultArtists), Options).Tracks);

        Assert.Null(track.AlbumName);
        Assert.Equal("Opera", track.Genre);
    }

    [Fact]
    public void Prepare_GenreFileWithSemicolonArtists_IsRead()
    {
        var tracks = FileText(TracksHeader, Track("t1", "Duet", "40", "['Alice']", "['idA']"));
        var genres = FileText("Unnamed: 0,track_id,artists,album_name,track_name,explicit,track_genre", "5,x,Alice;Bob,LP,Duet,True,pop");

        var catalog = CatalogPreparer.Prepare(Sources(tracks, genres, DefaultArtists), Options);

        Assert.Equal("pop", Assert.Single(catalog.Tracks).Genre);
    }

    [Fact]
    public void Prepare_DuplicateGenreTrackName_KeepsFirstAndCounts()
    {
        var tracks = FileText(TracksHeader, Track("t1", "Duet", "40", "['Alice']", "['idA']"));
        var genres = FileText(ExtendedHeader, Genre(0, "Duet", "pop"), Genre(1, "Duet", "rock"), Genre(2, "", "x"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, genres, DefaultArtists), Options);

        Assert.Equal("pop", Assert.Single(catalog.Tracks).Genre);
        Assert.Equal(1, catalog.Report.Dropped.Single(d => d.Step == 2 && d.Reason == DroppedRows.DuplicateTrackName).Count);
        Assert.Equal(1, catalog.Report.Dropped.Single(d => d.Step == 2 && d.Reason == DroppedRows.MissingTrackName).Count);
    }

    [Fact]
    public void Prepare_DuplicateArtistIds_KeepsFirstInInputOrder()
    {
        var artists = FileText(ArtistsHeader, Artist(0, "idB", "Bob"), Artist(1, "idA", "Alice", "5.0"), Artist(2, "idA", "Alice again", "9.0"));
        var tracks = FileText(TracksHeader, Track("t1", "Duet", "40", "['Alice']", "['idA']"));

        var catalog = CatalogPreparer.Prepare(Sources(tracks, DefaultGenres, artists), Options);

        Assert.Equal(["idB", "idA"], catalog.Artists.Select(a => a.Id));
        Assert.Equal(5L, catalog.Artists[1].Followers);
        Assert.Equal(["pop"], catalog.Artists[1].Genres);
        Assert.Equal(1, catalog.Report.Dropped.Single(d => d.Reason == DroppedRows.DuplicateArtistId).Count);
        Assert.Equal(5L, Assert.Single(catalog.Tracks).ArtistFollowers);
    }
}
