using System.Text;
using Wrapped.Core.Avro;
using Wrapped.Core.Wrapped;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class TrackTableTests
{
    [Fact]
    public void Find_EveryIdOfASequenceNumberedCatalog_GivesItsTrack()
    {
        // Ids that differ only in their last characters, like the reference-scale inputs'.
        var rows = Enumerable.Range(0, 5_000).Select(i => SyntheticCatalog.Track($"trk{i:D19}", $"a{i % 300}")).ToList();
        var catalog = WrappedCatalog.Create(rows);

        foreach (var row in rows)
        {
            Assert.Equal(catalog.Tracks.TrackIndex(row.TrackId), TrackOf(catalog, row.TrackId));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("t")]
    [InlineData("4iV5W9uYEdYUVa79Axb7Rh")]
    [InlineData("an-id-far-longer-than-the-twenty-eight-bytes-kept-inline")]
    [InlineData("Beyoncé — 東京")]
    public void Find_IdsOfAnyLength_AreFoundAndTheirNeighboursAreNot(string id)
    {
        var catalog = WrappedCatalog.Create([SyntheticCatalog.Track(id, "a"), SyntheticCatalog.Track(id + "x", "a")]);

        Assert.Equal(catalog.Tracks.TrackIndex(id), TrackOf(catalog, id));
        Assert.Equal(TrackTable.NotFound, catalog.Table.Find(EventRecordCodec.EncodeAvroString(id + "y")));
        Assert.Equal(TrackTable.NotFound, catalog.Table.Find(EventRecordCodec.EncodeAvroString("z" + id)));
    }

    [Theory]
    [InlineData(14)]
    [InlineData(15)]
    [InlineData(22)]
    [InlineData(23)]
    [InlineData(24)]
    public void Find_AnIdOfTheSameLengthDifferingInOneByte_IsNotTakenForItEvenWithItsHash(int characters)
    {
        // Ids of 15 to 23 characters (16 to 24 bytes with their length) are compared in two overlapping halves.
        var id = new string(Enumerable.Range(0, characters).Select(i => (char)('A' + i)).ToArray());
        var catalog = WrappedCatalog.Create([SyntheticCatalog.Track(id, "a")]);
        var stored = EventRecordCodec.EncodeAvroString(id);
        var hash = TrackTable.Hash(stored);
        Assert.NotEqual(TrackTable.NotFound, catalog.Table.Find(hash, stored));

        for (var position = 1; position < stored.Length; position++)
        {
            var other = stored.ToArray();
            other[position] ^= 0x20;
            // The stored id's hash leads the lookup to its entry: only the comparison of the bytes can refuse it.
            Assert.Equal(TrackTable.NotFound, catalog.Table.Find(hash, other));
        }
    }

    private static int TrackOf(WrappedCatalog catalog, string id)
    {
        var slot = catalog.Table.Find(EventRecordCodec.EncodeAvroString(id));
        Assert.NotEqual(TrackTable.NotFound, slot);
        return catalog.Table.TrackAt(slot);
    }

    [Fact]
    public void Facts_EachTrack_CarriesItsArtistDurationAndNewness()
    {
        var catalog = HandCatalog.Hand;

        for (var t = 0; t < catalog.TrackCount; t++)
        {
            var facts = catalog.Table.Facts(t);
            Assert.Equal(catalog.Tracks.ArtistOf(t), facts.Artist);
            Assert.Equal(catalog.Tracks.DurationMs(t), facts.DurationMs);
            Assert.Equal(catalog.Tracks.Newness(t), facts.Newness);
        }
        Assert.Equal(Encoding.UTF8.GetByteCount("t1") + 1, catalog.Tracks.TrackIdAvro(catalog.Tracks.TrackIndex("t1")).Length);
    }
}
