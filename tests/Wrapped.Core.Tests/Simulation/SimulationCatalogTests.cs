using Wrapped.TestSupport;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Simulation;

public sealed class SimulationCatalogTests
{
    [Fact]
    public void Create_TrackIndexes_FollowNewnessThenTrackIdOrdinal()
    {
        var catalog = SimulationCatalog.Create([
            SyntheticCatalog.Track("b", "x", newness: 0.5),
            SyntheticCatalog.Track("C", "y", newness: 0.9),
            SyntheticCatalog.Track("a", "x", newness: 0.5),
            SyntheticCatalog.Track("B", "y", newness: 0.1),
        ]);

        var order = Enumerable.Range(0, catalog.TrackCount).Select(catalog.TrackId);

        Assert.Equal(["B", "a", "b", "C"], order);
        Assert.All(order, id => Assert.Equal(id, catalog.TrackId(catalog.TrackIndex(id))));
    }

    [Fact]
    public void ArtistTracks_EachArtist_AreItsTracksOldestFirst()
    {
        var catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(300, 60, seed: 3));

        Assert.Equal(60, catalog.ArtistCount);
        var all = new List<int>();
        for (var a = 0; a < catalog.ArtistCount; a++)
        {
            var tracks = catalog.ArtistTracks(a).ToArray();
            Assert.NotEmpty(tracks);
            Assert.All(tracks, t => Assert.Equal(a, catalog.ArtistOf(t)));
            Assert.Equal(tracks.Order(), tracks);
            Assert.Equal(tracks.Select(catalog.Newness).Order(), tracks.Select(catalog.Newness));
            Assert.Equal(a, catalog.ArtistIndex(catalog.ArtistKey(a)));
            all.AddRange(tracks);
        }
        Assert.Equal(Enumerable.Range(0, catalog.TrackCount), all.Order());
    }

    [Fact]
    public void Create_IndexesWhateverTheInputOrder_AreTheSame()
    {
        var tracks = SyntheticCatalog.Tracks(100, 20, seed: 5);
        var forward = SimulationCatalog.Create(tracks);
        var backward = SimulationCatalog.Create(tracks.AsEnumerable().Reverse().ToList());

        var keys = Enumerable.Range(0, forward.ArtistCount).Select(forward.ArtistKey).ToArray();
        Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
        Assert.Equal(keys, Enumerable.Range(0, backward.ArtistCount).Select(backward.ArtistKey));
        Assert.Equal(Enumerable.Range(0, 100).Select(forward.TrackId), Enumerable.Range(0, 100).Select(backward.TrackId));
    }

    [Fact]
    public void Create_NonPositiveDurationsAndRepeatedIds_AreExcludedAndCounted()
    {
        var catalog = SimulationCatalog.Create([
            SyntheticCatalog.Track("ok", "x", durationMs: 1000),
            SyntheticCatalog.Track("zero", "y", durationMs: 0),
            SyntheticCatalog.Track("negative", "x", durationMs: -5),
            SyntheticCatalog.Track("ok", "z", durationMs: 2000),
        ]);

        Assert.Equal(1, catalog.TrackCount);
        Assert.Equal(3, catalog.ExcludedTrackCount);
        Assert.Equal(1, catalog.ArtistCount);
        Assert.Equal(0, catalog.TrackIndex("ok"));
        Assert.Equal(1000, catalog.DurationMs(0));
        Assert.Equal(-1, catalog.TrackIndex("zero"));
        Assert.Equal(-1, catalog.ArtistIndex("y"));
    }

    [Fact]
    public void Create_NoPlayableTrack_Throws()
    {
        Assert.Throws<ArgumentException>(() => SimulationCatalog.Create([SyntheticCatalog.Track("t", "a", durationMs: 0)]));
    }

    [Theory]
    [InlineData("4uLU6hMCjMI75M1A2tKUQC")]
    [InlineData("é")]
    [InlineData("")]
    public void TrackIdAvro_Id_IsZigZagLengthThenUtf8(string id)
    {
        var catalog = SimulationCatalog.Create([SyntheticCatalog.Track(id, "a")]);
        var utf8 = System.Text.Encoding.UTF8.GetBytes(id);

        Assert.Equal([(byte)(utf8.Length * 2), .. utf8], catalog.TrackIdAvro(0).ToArray());
    }

    [Fact]
    public void TrackIdAvro_LongId_UsesMultiByteVarint()
    {
        var id = new string('x', 64);
        var catalog = SimulationCatalog.Create([SyntheticCatalog.Track("short", "a"), SyntheticCatalog.Track(id, "a")]);

        var encoded = catalog.TrackIdAvro(catalog.TrackIndex(id)).ToArray();

        // 64 zig-zags to 128 = 0x80 0x01.
        Assert.Equal([0x80, 0x01], encoded[..2]);
        Assert.Equal(66, encoded.Length);
        Assert.Equal([10, .. "short"u8.ToArray()], catalog.TrackIdAvro(catalog.TrackIndex("short")).ToArray());
    }
}
