using Avro.Generic;
using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="WrappedSummaryRecord"/> as the <c>WrappedSummary</c> schema (wrapped/part-*.avro).</summary>
public static class WrappedSummaryRecordCodec
{
    public static FeedSchema Schema => FeedSchemas.Wrapped;

    public static void Write(AvroRecordBuffer buffer, WrappedSummaryRecord summary)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(summary);
        buffer.WriteLong(summary.UserId);
        buffer.WriteInt(summary.Year);
        buffer.WriteString(summary.TimeZone);
        buffer.WriteLong(summary.ListeningTimeMs);
        buffer.WriteLong(summary.Plays);
        buffer.WriteLong(summary.Skips);
        buffer.WriteDouble(summary.SkipRate);
        buffer.WriteInt(summary.DistinctTracks);
        buffer.WriteInt(summary.DistinctArtists);
        WriteTopItems(buffer, summary.TopTracks);
        WriteTopItems(buffer, summary.TopArtists);
        WriteTopItems(buffer, summary.TopGenres);
        WriteLongs(buffer, summary.ListeningTimeMsByMonth);
        WriteLongs(buffer, summary.PlaysByHour);
        WriteLongs(buffer, summary.PlaysByWeekday);
        buffer.WriteLong(summary.FirstPlayMs);
        buffer.WriteLong(summary.LastPlayMs);
        var scores = summary.Scores;
        buffer.WriteDouble(scores.Familiarity);
        buffer.WriteDouble(scores.Newness);
        buffer.WriteDouble(scores.Loyalty);
        buffer.WriteDouble(scores.Commonality);
        buffer.WriteString(summary.Personality);
        buffer.WriteNullableString(summary.GeneratedPersonality);
    }

    public static IEnumerable<WrappedSummaryRecord> ReadAll(Stream stream) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: false, path: null).Select(Read);

    private static void WriteTopItems(AvroRecordBuffer buffer, IReadOnlyList<WrappedTopItem> items)
    {
        if (items.Count > 0)
        {
            buffer.WriteLong(items.Count);
            foreach (var item in items)
            {
                buffer.WriteString(item.Id);
                buffer.WriteString(item.Name);
                buffer.WriteNullableString(item.Detail);
                buffer.WriteLong(item.ListeningTimeMs);
                buffer.WriteLong(item.Plays);
            }
        }
        buffer.WriteLong(0);
    }

    private static void WriteLongs(AvroRecordBuffer buffer, IReadOnlyList<long> values)
    {
        if (values.Count > 0)
        {
            buffer.WriteLong(values.Count);
            foreach (var value in values) buffer.WriteLong(value);
        }
        buffer.WriteLong(0);
    }

    private static WrappedSummaryRecord Read(GenericRecord r)
    {
        var scores = GenericFields.Record(r, "scores");
        return new WrappedSummaryRecord(
            UserId: GenericFields.Long(r, "user_id"),
            Year: GenericFields.Int(r, "year"),
            TimeZone: GenericFields.String(r, "time_zone"),
            ListeningTimeMs: GenericFields.Long(r, "listening_time_ms"),
            Plays: GenericFields.Long(r, "plays"),
            Skips: GenericFields.Long(r, "skips"),
            DistinctTracks: GenericFields.Int(r, "distinct_tracks"),
            DistinctArtists: GenericFields.Int(r, "distinct_artists"),
            TopTracks: ReadTopItems(r, "top_tracks"),
            TopArtists: ReadTopItems(r, "top_artists"),
            TopGenres: ReadTopItems(r, "top_genres"),
            ListeningTimeMsByMonth: GenericFields.LongList(r, "listening_time_ms_by_month"),
            PlaysByHour: GenericFields.LongList(r, "plays_by_hour"),
            PlaysByWeekday: GenericFields.LongList(r, "plays_by_weekday"),
            FirstPlayMs: GenericFields.TimestampMillis(r, "first_play"),
            LastPlayMs: GenericFields.TimestampMillis(r, "last_play"),
            Scores: new ListeningScores(
                Familiarity: GenericFields.Double(scores, "familiarity"),
                Newness: GenericFields.Double(scores, "newness"),
                Loyalty: GenericFields.Double(scores, "loyalty"),
                Commonality: GenericFields.Double(scores, "commonality")),
            Personality: GenericFields.String(r, "personality"),
            GeneratedPersonality: GenericFields.NullableString(r, "generated_personality"));
    }

    private static WrappedTopItem[] ReadTopItems(GenericRecord r, string field) =>
        GenericFields.RecordList(r, field).Select(item => new WrappedTopItem(
            Id: GenericFields.String(item, "id"),
            Name: GenericFields.String(item, "name"),
            Detail: GenericFields.NullableString(item, "detail"),
            ListeningTimeMs: GenericFields.Long(item, "listening_time_ms"),
            Plays: GenericFields.Long(item, "plays"))).ToArray();
}
