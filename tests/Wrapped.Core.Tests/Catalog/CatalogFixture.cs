using Wrapped.Core.Catalog;
using Wrapped.Core.Tests.TestSupport;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>Small hand-written input files for preparation tests.</summary>
internal static class CatalogFixture
{
    public const string TracksHeader =
        "id,name,popularity,duration_ms,explicit,artists,id_artists,release_date,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature";

    public const string TracksHeaderWithoutArtistIds =
        "id,name,popularity,duration_ms,explicit,artists,release_date,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature";

    public const string ExtendedHeader = "Unnamed: 0,track_id,artists,album_name,track_name,popularity,track_genre";

    public const string ArtistsHeader = ",id,followers,genres,name,popularity";

    public static readonly PreparationOptions Options = new(new DateOnly(2024, 1, 1), ErrorBudget: 0.5);

    /// <summary>A tracks.csv line; the audio features vary with <paramref name="tempo"/> so clusters have something to separate.</summary>
    public static string Track(string id, string name, string popularity, string artists, string idArtists, string releaseDate = "2020-01-01", double tempo = 120) =>
        $"{id},{Quote(name)},{popularity},200000,0,{Quote(artists)},{Quote(idArtists)},{releaseDate},0.5,0.6,5,-7.5,1,0.05,0.2,0.0,0.1,0.4,{tempo:0.0},4";

    public static string TrackWithoutArtistIds(string id, string name, string artists) =>
        $"{id},{Quote(name)},50,200000,False,{Quote(artists)},2020-01-01,0.5,0.6,5,-7.5,1,0.05,0.2,0.0,0.1,0.4,120.0,4";

    public static string Genre(int index, string trackName, string genre, string album = "Album") =>
        $"{index},tid{index},Someone,{Quote(album)},{Quote(trackName)},10,{genre}";

    public static string Artist(int index, string id, string name, string followers = "1000.0", int popularity = 50) =>
        $"{index},{id},{followers},['pop'],{Quote(name)},{popularity}";

    public static CatalogSources Sources(string tracks, string extended, string artists) => new(
        CsvTestSources.FromText("tracks.csv", tracks),
        CsvTestSources.FromText("tracks_extended.csv", extended),
        CsvTestSources.FromText("artists.csv", artists));

    public static string FileText(params string[] lines) => CsvTestSources.Lines("\n", lines);

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
