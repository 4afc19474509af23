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

    private static string Json(WrappedSummaryRecord summary) => System.Text.Encoding.UTF8.GetString(FeedJson.Serialize(summary));
}
