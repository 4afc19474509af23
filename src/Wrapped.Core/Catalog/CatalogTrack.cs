namespace Wrapped.Core.Catalog;

/// <summary>One prepared track of the catalog, as written to <c>catalog/tracks.avro</c>.</summary>
/// <param name="ArtistKey">The primary artist's identity for the simulation: its Spotify id when the input has one, else its name.</param>
/// <param name="ReleaseDate">The release date as given (normalised to <c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>), or null when unparseable.</param>
public sealed record CatalogTrack(
    string TrackId,
    string Name,
    string ArtistName,
    string? ArtistId,
    IReadOnlyList<string> Artists,
    string? AlbumName,
    string? Genre,
    int DurationMs,
    int Popularity,
    bool Explicit,
    string? ReleaseDate,
    AudioFeatures Features,
    double NewnessScore,
    int AudioFeaturesType,
    long? ArtistFollowers,
    int? ArtistPopularity)
{
    public string ArtistKey => ArtistId ?? ArtistName;
}

/// <summary>The eleven audio features k-means clusters on, plus time signature.</summary>
public sealed record AudioFeatures(
    double Danceability,
    double Energy,
    int Key,
    double Loudness,
    int Mode,
    double Speechiness,
    double Acousticness,
    double Instrumentalness,
    double Liveness,
    double Valence,
    double Tempo,
    int TimeSignature);
