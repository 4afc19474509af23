using Avro.Generic;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="WrappedSummaryRecord"/> as the <c>WrappedSummary</c> schema.</summary>
public static class WrappedSummaryRecordCodec
{
    public static FeedSchema Schema => FeedSchemas.Wrapped;

    public static void Write(AvroRecordBuffer buffer, WrappedSummaryRecord summary)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(summary);
        buffer.WriteLong(summary.UserId);
        buffer.WriteInt(summary.Year);
        buffer.WriteDouble(summary.MinutesListened);
        buffer.WriteLong(summary.Plays);
        buffer.WriteDouble(summary.SkipRate);
        buffer.WriteInt(summary.DistinctArtists);
        buffer.WriteStringArray(summary.TopTracks);
        buffer.WriteStringArray(summary.TopArtists);
        buffer.WriteStringArray(summary.TopGenres);
        buffer.WriteString(summary.Personality);
        buffer.WriteNullableString(summary.GeneratedPersonality);
        buffer.WriteDouble(summary.FamiliarityShare);
        buffer.WriteDouble(summary.MeanNewness);
        buffer.WriteDouble(summary.RepeatShare);
        buffer.WriteDouble(summary.MeanPopularity);
    }

    public static IEnumerable<WrappedSummaryRecord> ReadAll(Stream stream) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: false, path: null).Select(Read);

    private static WrappedSummaryRecord Read(GenericRecord r) => new(
        UserId: GenericFields.Long(r, "user_id"),
        Year: GenericFields.Int(r, "year"),
        MinutesListened: GenericFields.Double(r, "minutes_listened"),
        Plays: GenericFields.Long(r, "plays"),
        SkipRate: GenericFields.Double(r, "skip_rate"),
        DistinctArtists: GenericFields.Int(r, "distinct_artists"),
        TopTracks: GenericFields.StringList(r, "top_tracks"),
        TopArtists: GenericFields.StringList(r, "top_artists"),
        TopGenres: GenericFields.StringList(r, "top_genres"),
        Personality: GenericFields.String(r, "personality"),
        GeneratedPersonality: GenericFields.NullableString(r, "generated_personality"),
        FamiliarityShare: GenericFields.Double(r, "familiarity_share"),
        MeanNewness: GenericFields.Double(r, "mean_newness"),
        RepeatShare: GenericFields.Double(r, "repeat_share"),
        MeanPopularity: GenericFields.Double(r, "mean_popularity"));
}
