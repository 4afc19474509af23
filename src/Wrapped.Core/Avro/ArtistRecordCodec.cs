using Avro.Generic;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="CatalogArtist"/> as the <c>Artist</c> schema (catalog/artists.avro).</summary>
public static class ArtistRecordCodec
{
    public static FeedSchema Schema => FeedSchemas.Artist;

    public static void Write(AvroRecordBuffer buffer, CatalogArtist artist)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(artist);
        buffer.WriteString(artist.Id);
        buffer.WriteString(artist.Name);
        buffer.WriteNullableLong(artist.Followers);
        buffer.WriteStringArray(artist.Genres);
        buffer.WriteInt(artist.Popularity);
    }

    /// <summary>Reads an artists file; an older compatible writer schema is resolved against ours.</summary>
    public static IEnumerable<CatalogArtist> ReadAll(Stream stream) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: false, path: null).Select(Read);

    private static CatalogArtist Read(GenericRecord r) => new(
        Id: GenericFields.String(r, "id"),
        Name: GenericFields.String(r, "name"),
        Followers: GenericFields.NullableLong(r, "followers"),
        Genres: GenericFields.StringList(r, "genres"),
        Popularity: GenericFields.Int(r, "popularity"));
}
