using Avro.Generic;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="UserStateRecord"/> as the <c>UserState</c> schema (state/part-*.avro).</summary>
public static class UserStateRecordCodec
{
    public static FeedSchema Schema => FeedSchemas.UserState;

    public static void Write(AvroRecordBuffer buffer, UserStateRecord state)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(state);
        buffer.WriteLong(state.UserId);
        buffer.WriteString(state.PreviousTrackId);
        buffer.WriteString(state.PreviousArtistKey);
        buffer.WriteStringArray(state.HeardArtistKeys);
        buffer.WriteInt(AvroDate.ToDays(state.NextDate));
    }

    public static IEnumerable<UserStateRecord> ReadAll(Stream stream) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: false, path: null).Select(Read);

    private static UserStateRecord Read(GenericRecord r) => new(
        UserId: GenericFields.Long(r, "user_id"),
        PreviousTrackId: GenericFields.String(r, "previous_track_id"),
        PreviousArtistKey: GenericFields.String(r, "previous_artist_key"),
        HeardArtistKeys: GenericFields.StringList(r, "heard_artist_keys"),
        NextDate: GenericFields.Date(r, "next_date"));
}
