using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public class WrappedSummaryRecordCodecTests
{
    private static readonly IReadOnlyList<string> None = [];

    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void ReadAll_FileWrittenWithCodec_ReturnsEveryFieldUnchanged(string codec)
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.Wrapped, AvroSamples.Summaries, WrappedSummaryRecordCodec.Write, AvroCodecOptions.Parse(codec));

        WrappedSummaryRecord[] read = WrappedSummaryRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(AvroSamples.Summaries.Count, read.Length);
        for (int i = 0; i < read.Length; i++)
        {
            WrappedSummaryRecord expected = AvroSamples.Summaries[i];
            Assert.Equal(
                expected with { TopTracks = None, TopArtists = None, TopGenres = None },
                read[i] with { TopTracks = None, TopArtists = None, TopGenres = None });
            Assert.Equal(expected.TopTracks, read[i].TopTracks);
            Assert.Equal(expected.TopArtists, read[i].TopArtists);
            Assert.Equal(expected.TopGenres, read[i].TopGenres);
        }
    }
}
