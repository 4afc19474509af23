using Avro.Generic;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="CatalogTrack"/> as the <c>Track</c> schema (catalog/tracks.avro).</summary>
public static class TrackRecordCodec
{
    public const string DefaultPath = "catalog/tracks.avro";

    public static FeedSchema Schema => FeedSchemas.Track;

    public static void Write(AvroRecordBuffer buffer, CatalogTrack track)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(track);
        AudioFeatures f = track.Features;
        buffer.WriteString(track.TrackId);
        buffer.WriteString(track.Name);
        buffer.WriteString(track.ArtistName);
        buffer.WriteNullableString(track.ArtistId);
        buffer.WriteStringArray(track.Artists);
        buffer.WriteNullableString(track.AlbumName);
        buffer.WriteNullableString(track.Genre);
        buffer.WriteInt(track.DurationMs);
        buffer.WriteInt(track.Popularity);
        buffer.WriteBoolean(track.Explicit);
        buffer.WriteNullableString(track.ReleaseDate);
        buffer.WriteDouble(f.Danceability);
        buffer.WriteDouble(f.Energy);
        buffer.WriteInt(f.Key);
        buffer.WriteDouble(f.Loudness);
        buffer.WriteInt(f.Mode);
        buffer.WriteDouble(f.Speechiness);
        buffer.WriteDouble(f.Acousticness);
        buffer.WriteDouble(f.Instrumentalness);
        buffer.WriteDouble(f.Liveness);
        buffer.WriteDouble(f.Valence);
        buffer.WriteDouble(f.Tempo);
        buffer.WriteInt(f.TimeSignature);
        buffer.WriteDouble(track.NewnessScore);
        buffer.WriteInt(track.AudioFeaturesType);
        buffer.WriteNullableLong(track.ArtistFollowers);
        buffer.WriteNullableInt(track.ArtistPopularity);
    }

    /// <summary>
    /// Reads a tracks file. Unlike the other feed files it must have been written with exactly this schema
    /// (same fingerprint): the simulator refuses a catalog from another schema version.
    /// </summary>
    /// <exception cref="FeedSchemaMismatchException">The file's writer schema differs from <see cref="Schema"/>.</exception>
    public static IEnumerable<CatalogTrack> ReadAll(Stream stream, string path = DefaultPath) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: true, path).Select(Read);

    private static CatalogTrack Read(GenericRecord r) => new(
        TrackId: GenericFields.String(r, "track_id"),
        Name: GenericFields.String(r, "name"),
        ArtistName: GenericFields.String(r, "artist"),
        ArtistId: GenericFields.NullableString(r, "artist_id"),
        Artists: GenericFields.StringList(r, "artists"),
        AlbumName: GenericFields.NullableString(r, "album_name"),
        Genre: GenericFields.NullableString(r, "track_genre"),
        DurationMs: GenericFields.Int(r, "duration_ms"),
        Popularity: GenericFields.Int(r, "popularity"),
        Explicit: GenericFields.Boolean(r, "explicit"),
        ReleaseDate: GenericFields.NullableString(r, "release_date"),
        Features: new AudioFeatures(
            Danceability: GenericFields.Double(r, "danceability"),
            Energy: GenericFields.Double(r, "energy"),
            Key: GenericFields.Int(r, "key"),
            Loudness: GenericFields.Double(r, "loudness"),
            Mode: GenericFields.Int(r, "mode"),
            Speechiness: GenericFields.Double(r, "speechiness"),
            Acousticness: GenericFields.Double(r, "acousticness"),
            Instrumentalness: GenericFields.Double(r, "instrumentalness"),
            Liveness: GenericFields.Double(r, "liveness"),
            Valence: GenericFields.Double(r, "valence"),
            Tempo: GenericFields.Double(r, "tempo"),
            TimeSignature: GenericFields.Int(r, "time_signature")),
        NewnessScore: GenericFields.Double(r, "newness_score"),
        AudioFeaturesType: GenericFields.Int(r, "audio_features_type"),
        ArtistFollowers: GenericFields.NullableLong(r, "artist_followers"),
        ArtistPopularity: GenericFields.NullableInt(r, "artist_popularity"));
}
