using System.Buffers;
using System.Runtime.InteropServices;
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

    /// <summary>
    /// Every record of a Wrapped file. A file of this schema is decoded straight from its bytes (Apache.Avro's generic
    /// records cost about twenty microseconds a summary, and the median and classifying steps read a whole run's);
    /// one of another schema version is resolved by Apache.Avro.
    /// </summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed Wrapped file.</exception>
    public static IEnumerable<WrappedSummaryRecord> ReadAll(Stream stream) => ReadAll(stream, "A Wrapped file");

    /// <inheritdoc cref="ReadAll(Stream)"/>
    /// <param name="path">Names the file in errors.</param>
    public static IEnumerable<WrappedSummaryRecord> ReadAll(Stream stream, string path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var file = ReadToEnd(stream);
        var header = AvroContainerBlocks.ReadHeader(file.Span, path);
        if (!AvroContainerBlocks.IsWrittenWith(header, Schema, path))
        {
            var copy = MemoryMarshal.TryGetArray(file, out var segment) ? segment : new ArraySegment<byte>(file.ToArray());
            return FeedFileReader.Open(new MemoryStream(copy.Array!, copy.Offset, copy.Count, writable: false), Schema, requireSameSchema: false, path: null)
                .Select(Read);
        }
        var records = new RecordReader { Records = [] };
        byte[] inflated = [];
        try
        {
            AvroContainerBlocks.Walk(file, path, header, ref inflated, ref records);
        }
        finally
        {
            if (inflated.Length > 0) ArrayPool<byte>.Shared.Return(inflated);
        }
        return records.Records;
    }

    private static ReadOnlyMemory<byte> ReadToEnd(Stream stream)
    {
        if (stream is MemoryStream memory && memory.TryGetBuffer(out var buffer))
        {
            var start = (int)memory.Position;
            memory.Position = memory.Length;
            return buffer.AsMemory(start, buffer.Count - start);
        }
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.GetBuffer().AsMemory(0, (int)copy.Length);
    }

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

    /// <summary>Decodes a block's records in the schema's field order.</summary>
    private struct RecordReader : AvroContainerBlocks.IBlockVisitor
    {
        public List<WrappedSummaryRecord> Records;

        public readonly void Visit(ReadOnlySpan<byte> data, long count, ref SpanCursor cursor)
        {
            for (long r = 0; r < count; r++) Records.Add(ReadRecord(data, ref cursor));
        }

        private static WrappedSummaryRecord ReadRecord(ReadOnlySpan<byte> data, ref SpanCursor c)
        {
            var userId = c.ReadLong(data);
            var year = c.ReadInt(data);
            var timeZone = c.ReadString(data);
            var listeningTimeMs = c.ReadLong(data);
            var plays = c.ReadLong(data);
            var skips = c.ReadLong(data);
            c.ReadDouble(data); // skip_rate: the record derives it from plays and skips
            var distinctTracks = c.ReadInt(data);
            var distinctArtists = c.ReadInt(data);
            var topTracks = ReadTopItems(data, ref c);
            var topArtists = ReadTopItems(data, ref c);
            var topGenres = ReadTopItems(data, ref c);
            var byMonth = ReadLongs(data, ref c);
            var byHour = ReadLongs(data, ref c);
            var byWeekday = ReadLongs(data, ref c);
            var firstPlayMs = c.ReadLong(data);
            var lastPlayMs = c.ReadLong(data);
            var scores = new ListeningScores(
                Familiarity: c.ReadDouble(data), Newness: c.ReadDouble(data), Loyalty: c.ReadDouble(data), Commonality: c.ReadDouble(data));
            var personality = c.ReadString(data);
            var generated = ReadNullableString(data, ref c);
            return new WrappedSummaryRecord(userId, year, timeZone, listeningTimeMs, plays, skips, distinctTracks, distinctArtists,
                topTracks, topArtists, topGenres, byMonth, byHour, byWeekday, firstPlayMs, lastPlayMs, scores, personality, generated);
        }

        private static List<WrappedTopItem> ReadTopItems(ReadOnlySpan<byte> data, ref SpanCursor c)
        {
            var items = new List<WrappedTopItem>(WrappedSummaryRecord.TopCount);
            for (var count = c.ReadBlockCount(data); count != 0; count = c.ReadBlockCount(data))
            {
                for (long i = 0; i < count; i++)
                {
                    items.Add(new WrappedTopItem(
                        Id: c.ReadString(data), Name: c.ReadString(data), Detail: ReadNullableString(data, ref c),
                        ListeningTimeMs: c.ReadLong(data), Plays: c.ReadLong(data)));
                }
            }
            return items;
        }

        private static List<long> ReadLongs(ReadOnlySpan<byte> data, ref SpanCursor c)
        {
            var values = new List<long>(24);
            for (var count = c.ReadBlockCount(data); count != 0; count = c.ReadBlockCount(data))
            {
                for (long i = 0; i < count; i++) values.Add(c.ReadLong(data));
            }
            return values;
        }

        private static string? ReadNullableString(ReadOnlySpan<byte> data, ref SpanCursor c) => c.ReadLong(data) switch
        {
            0 => null,
            1 => c.ReadString(data),
            var branch => throw c.Error($"holds union branch {branch} where null (0) or a string (1) is expected"),
        };
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
