using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Wrapped.Core.Tests.Simulation;
using Wrapped.TestSupport;

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

    [Fact]
    public void Write_FromState_SameBytesAsTheRecordItMakes()
    {
        // Artist keys beyond ASCII, of several UTF-8 lengths, so the pre-encoded keys must match WriteString exactly.
        string[] artists = ["Beyoncé", "Sigur Rós", "坂本龍一", "a00001", "Ólafur Arnalds", "🎹 Keys", "Zz"];
        var catalog = SimulationCatalog.Create(Enumerable.Range(0, 70)
            .Select(i => SyntheticCatalog.Track($"t{i:D3}", artists[i % artists.Length], popularity: i % 100, newness: i / 70.0))
            .ToList());
        var simulator = new ListeningSimulator(catalog, 5);
        var generator = new UserGenerator(5, new DateOnly(2024, 1, 1));
        var states = Enumerable.Range(0, 6).Select(u => simulator.CreateInitialState(u)).ToArray();
        for (var d = 0; d < 10; d++)
        {
            for (var u = 0; u < states.Length; u++)
            {
                simulator.SimulateDay(generator.Create(u), states[u], new DateOnly(2024, 1, 1).AddDays(d), new CollectingSink());
            }
        }
        var next = new DateOnly(2024, 1, 11);
        Assert.True(states.Max(s => s.HeardArtistCount) >= 4, "some state should hold several heard artists, or the test shows little");

        foreach (var state in states)
        {
            var direct = new AvroRecordBuffer();
            UserStateRecordCodec.Write(direct, state.UserId, state, next);
            var viaRecord = new AvroRecordBuffer();
            UserStateRecordCodec.Write(viaRecord, state.ToRecord(state.UserId, next));

            Assert.Equal(viaRecord.Span.ToArray(), direct.Span.ToArray());
        }
    }
}
