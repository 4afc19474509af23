using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Avro;

public class WrappedSummaryRecordCodecTests
{
    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void ReadAll_FileWrittenWithCodec_ReturnsEveryFieldUnchanged(string codec)
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.Wrapped, AvroSamples.Summaries, WrappedSummaryRecordCodec.Write, AvroCodecOptions.Parse(codec));

        WrappedSummaryRecord[] read = WrappedSummaryRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        // The records hold lists, which records compare by reference: compare every field through their JSON form.
        Assert.Equal(AvroSamples.Summaries.Select(Json), read.Select(Json));
    }

    [Fact]
    public void ReadAll_FileOfALaterSchemaVersion_IsResolvedToThisOne()
    {
        // A plausible next version: one more field at the end, with a default. Not this decoder's field order, so
        // Apache.Avro resolves it, dropping the field this version does not know.
        FeedSchema later = FeedSchema.FromJson(AppendField(FeedSchemas.Wrapped.Json, "{\"name\":\"extra\",\"type\":\"int\",\"default\":0}"));
        Assert.NotEqual(FeedSchemas.Wrapped.Fingerprint, later.Fingerprint);
        byte[] file = AvroTestFiles.Write(later, AvroSamples.Summaries, (buffer, summary) =>
        {
            WrappedSummaryRecordCodec.Write(buffer, summary);
            buffer.WriteInt(5);
        });

        WrappedSummaryRecord[] read = WrappedSummaryRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(AvroSamples.Summaries.Select(Json), read.Select(Json));
    }

    [Fact]
    public void ReadAll_SameSchemaWithOtherDocs_ReadsEveryField()
    {
        // Docs are not part of the canonical form: the file is this version, read by the project's own decoder.
        FeedSchema reworded = FeedSchema.FromJson(FeedSchemas.Wrapped.Json.Replace("\"doc\":\"", "\"doc\":\"Reworded: ", StringComparison.Ordinal));
        Assert.NotEqual(FeedSchemas.Wrapped.Json, reworded.Json);
        Assert.Equal(FeedSchemas.Wrapped.Fingerprint, reworded.Fingerprint);
        byte[] file = AvroTestFiles.Write(reworded, AvroSamples.Summaries, WrappedSummaryRecordCodec.Write, AvroCodecOptions.Parse("deflate"));

        Assert.Equal(AvroSamples.Summaries.Select(Json), WrappedSummaryRecordCodec.ReadAll(new MemoryStream(file)).Select(Json));
    }

    [Theory]
    [InlineData(+1, "ends inside a value.")]
    [InlineData(-1, "bytes after its")]
    public void ReadAll_BlockWhoseCountDisagreesWithItsRecords_IsRefusedNamingFileAndBlock(int extra, string fault)
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.Wrapped, AvroSamples.Summaries, WrappedSummaryRecordCodec.Write, AvroCodecOptions.Parse("null"));
        int countAt = AvroContainerBlocks.ReadHeader(file, "test").DataStart;
        // A small count is one zig-zag byte: twice the count.
        Assert.Equal(2 * AvroSamples.Summaries.Count, file[countAt]);
        file[countAt] = (byte)(2 * (AvroSamples.Summaries.Count + extra));

        var error = Assert.Throws<InvalidDataException>(() => WrappedSummaryRecordCodec.ReadAll(new MemoryStream(file), "runs/r1/wrapped/part-00000.avro"));

        Assert.StartsWith("runs/r1/wrapped/part-00000.avro: block 0 ", error.Message, StringComparison.Ordinal);
        Assert.Contains(fault, error.Message, StringComparison.Ordinal);
    }

    private static string AppendField(string schemaJson, string field)
    {
        var fields = schemaJson.LastIndexOf(']');
        return string.Concat(schemaJson.AsSpan(0, fields), ",", field, schemaJson.AsSpan(fields));
    }

    private static string Json(WrappedSummaryRecord summary) => System.Text.Encoding.UTF8.GetString(FeedJson.Serialize(summary));
}
