using Wrapped.Core.Catalog;
using Wrapped.Core.Tests.TestSupport;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>The quirks of real copies of the datasets, all at once, through the whole preparation.</summary>
public sealed class CatalogPreparerMessyInputTests
{
    [Fact]
    public void Prepare_MessyButValidFiles_ReadsEverythingByName()
    {
        // BOM, CRLF, a leading index column, columns shuffled and upper-cased, a quoted name with comma, quotes and a
        // line break, "1.0" ints, True/False, a doubled-quote list literal and an empty optional field.
        var tracks = CsvTestSources.Lines(
            "\r\n",
            ",NAME,Id,popularity,duration_ms,explicit,artists,id_artists,release_date,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature",
            "0,\"Hello, \"\"World\"\"\r\nPart 2\",t1,41.0,175333.0,True,\"[\"\"Auli'i Cravalho\"\"]\",\"['idA']\",1945-01,0.5,0.2,3.0,-12.4,1,0.09,0.6,0.0,0.28,0.62,202.4,",
            "1,Plain,t2,abc,1000,False,['B'],['idB'],1950,0.5,0.2,3,-12.4,1,0.09,0.6,0.0,0.28,0.62,202.4,4",
            "2,Second,t3,12,1000,false,\"['Bea', 'C']\",\"['idB', 'idC']\",1950,0.5,0.2,3,-12.4,0,0.09,0.6,0.0,0.28,0.62,90.1,4");
        var genres = CsvTestSources.Lines(
            "\r\n",
            "Unnamed: 0,track_id,artists,album_name,track_name,popularity,duration_ms,explicit,track_genre",
            "64337,x1,Auli'i Cravalho;Someone,Moana,\"Hello, \"\"World\"\"\r\nPart 2\",0,176226,False,soundtrack",
            "1,x2,Bea,LP,Second,3,1,True,pop",
            "2,x3,Bea,LP,Plain,3,1,True,pop");
        var artists = CsvTestSources.Lines("\r\n", ",id,followers,genres,name,popularity", "0,idA,376805.0,\"['pop', 'soundtrack']\",Auli'i Cravalho,66");
        var sources = new CatalogSources(
            CsvTestSources.FromText("tracks.csv", tracks, withByteOrderMark: true),
            CsvTestSources.FromText("tracks_extended.csv", genres, withByteOrderMark: true),
            CsvTestSources.FromText("artists.csv", artists, withByteOrderMark: true));

        var catalog = CatalogPreparer.Prepare(sources, CatalogFixture.Options);

        Assert.Equal(["t1", "t3"], catalog.Tracks.Select(t => t.TrackId));
        var first = catalog.Tracks[0];
        Assert.Equal("Hello, \"World\"\r\nPart 2", first.Name);
        Assert.Equal((41, 175333, true, "1945-01"), (first.Popularity, first.DurationMs, first.Explicit, first.ReleaseDate));
        Assert.Equal(["Auli'i Cravalho"], first.Artists);
        Assert.Equal(("Moana", "soundtrack", 376805L), (first.AlbumName, first.Genre, first.ArtistFollowers!.Value));
        Assert.Equal(4, first.Features.TimeSignature);
        Assert.Equal(3, first.Features.Key);
        // The bad popularity is on the row after the two-line record: physical line 4.
        var issue = Assert.Single(catalog.Report.TracksFile.SampleIssues);
        Assert.Equal((4L, "popularity"), (issue.Line, issue.Column));
        Assert.Equal(["pop", "soundtrack"], catalog.Artists[0].Genres);
    }
}
