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

    /// <summary>
    /// The same bytes as <see cref="Write(AvroRecordBuffer, UserStateRecord)"/> of <see cref="UserListeningState.ToRecord"/>,
    /// straight from the state with the catalog's pre-encoded ids and keys: a run saves every heard artist of every
    /// user at the end of each part, thousands of keys a user, and building them as strings first was 1 % of a run.
    /// </summary>
    public static void Write(AvroRecordBuffer buffer, long userId, UserListeningState state, DateOnly nextDate)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(state);
        state.EnsureBelongsTo(userId, nameof(userId));
        var catalog = state.Catalog;
        buffer.WriteLong(userId);
        buffer.WriteRaw(catalog.TrackIdAvro(state.PreviousTrack));
        buffer.WriteRaw(catalog.ArtistKeyAvro(state.PreviousArtist));
        if (state.HeardArtistCount > 0)
        {
            buffer.WriteLong(state.HeardArtistCount);
            var writer = new HeardKeyWriter(buffer, catalog);
            state.ForEachHeardArtist(ref writer);
        }
        buffer.WriteLong(0);
        buffer.WriteInt(AvroDate.ToDays(nextDate));
    }

    private readonly struct HeardKeyWriter(AvroRecordBuffer buffer, SimulationCatalog catalog) : UserListeningState.IArtistVisitor
    {
        public void Visit(int artist) => buffer.WriteRaw(catalog.ArtistKeyAvro(artist));
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
