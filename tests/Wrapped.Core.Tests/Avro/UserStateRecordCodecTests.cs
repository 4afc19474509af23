using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

public class UserStateRecordCodecTests
{
    private static readonly IReadOnlyList<string> NoKeys = [];

    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void ReadAll_FileWrittenWithCodec_ReturnsEveryFieldUnchanged(string codec)
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.UserState, AvroSamples.States, UserStateRecordCodec.Write, AvroCodecOptions.Parse(codec));

        UserStateRecord[] read = UserStateRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(AvroSamples.States.Count, read.Length);
        for (int i = 0; i < read.Length; i++)
        {
            UserStateRecord expected = AvroSamples.States[i];
            Assert.Equal(expected with { HeardArtistKeys = NoKeys }, read[i] with { HeardArtistKeys = NoKeys });
            Assert.Equal(expected.HeardArtistKeys, read[i].HeardArtistKeys);
        }
    }
}
