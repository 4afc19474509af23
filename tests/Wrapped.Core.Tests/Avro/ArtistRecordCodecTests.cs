using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Tests.Avro;

public class ArtistRecordCodecTests
{
    private static readonly IReadOnlyList<string> NoGenres = [];

    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void ReadAll_FileWrittenWithCodec_ReturnsEveryFieldUnchanged(string codec)
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.Artist, AvroSamples.Artists, ArtistRecordCodec.Write, AvroCodecOptions.Parse(codec));

        CatalogArtist[] read = ArtistRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(AvroSamples.Artists.Count, read.Length);
        for (int i = 0; i < read.Length; i++)
        {
            CatalogArtist expected = AvroSamples.Artists[i];
            Assert.Equal(expected with { Genres = NoGenres }, read[i] with { Genres = NoGenres });
            Assert.Equal(expected.Genres, read[i].Genres);
        }
    }
}
