using Wrapped.Core.Tests.Avro;
using Wrapped.Core.Simulation;
using Wrapped.Core.Wrapped;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Wrapped;

public sealed class WrappedAggregatorErrorTests
{
    [Theory]
    [InlineData("not-in-the-catalog")]
    [InlineData("an-id-longer-than-the-twenty-four-bytes-kept-inline")]
    public void AddEventFile_ATrackTheCatalogLacks_IsRefusedNamingTheFileTheUserAndTheId(string unknown)
    {
        var catalog = HandCatalog.Hand;
        var events = Enumerable.Range(0, 40).Select(i => (new ListeningEvent(i, 1_700_000_000_000 + i, 0, 3, 1000, 0), i == 37 ? unknown : "t1"));
        var file = AvroTestFiles.Events(events);
        using var aggregator = new WrappedAggregator(catalog);

        var error = Assert.Throws<InvalidDataException>(() => aggregator.AddEventFile(file, "events/date=2023-11-14/part-00000.avro"));

        Assert.Equal($"events/date=2023-11-14/part-00000.avro: user 3 played track '{unknown}', which is not in the run's catalog.", error.Message);
    }

    [Fact]
    public void AddEventFile_AfterAFileWasRefused_CountsNoPlayOfIt()
    {
        var catalog = HandCatalog.Hand;
        var good = AvroTestFiles.Events(Enumerable.Range(0, 5).Select(i => (new ListeningEvent(i, 1_700_000_000_000 + i, 0, 3, 1000, 0), "t2")));
        var bad = AvroTestFiles.Events(Enumerable.Range(0, 5).Select(i => (new ListeningEvent(i, 1_700_000_100_000 + i, 0, 3, 1000, 0), i < 4 ? "t3" : "nope")));
        using var aggregator = new WrappedAggregator(catalog);
        aggregator.AddEventFile(good, "a.avro");

        Assert.Throws<InvalidDataException>(() => aggregator.AddEventFile(bad, "b.avro"));

        var summary = Assert.Single(aggregator.Summaries());
        Assert.Equal(5, summary.Plays);
        Assert.Equal(["t2"], summary.TopTracks.Select(t => t.Id));
    }

    // Record 5 is in a file's first batch, taken play by play; record 100 is in a later one, taken with the run's
    // listener and last play in registers: both ways of taking a play check it.
    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public void AddEventFile_APlayBeforeTheListenersPreviousOne_IsRefusedAndNothingOfTheFileCounts(int backInTime)
    {
        var events = Enumerable.Range(0, 150).Select(i =>
            (new ListeningEvent(i, 1_700_000_000_000 + (i == backInTime ? -1 : i), 0, 3, 1000, 0), "t1"));
        using var aggregator = new WrappedAggregator(HandCatalog.Hand);

        var error = Assert.Throws<InvalidDataException>(() => aggregator.AddEventFile(AvroTestFiles.Events(events), "events/date=2023-11-14/part-00000.avro"));

        Assert.StartsWith("events/date=2023-11-14/part-00000.avro: user 3 has a play at ", error.Message, StringComparison.Ordinal);
        Assert.Contains("date order", error.Message, StringComparison.Ordinal);
        Assert.Empty(aggregator.Summaries());
    }

    [Theory]
    [InlineData(5)]
    [InlineData(100)]
    public void AddEventFile_AListeningTimeBeyondWhatAPlayHolds_IsRefusedNamingIt(int impossible)
    {
        var events = Enumerable.Range(0, 150).Select(i =>
            (new ListeningEvent(i, 1_700_000_000_000 + i, 0, 3, i == impossible ? 1L + uint.MaxValue : 1000, 0), "t1"));
        using var aggregator = new WrappedAggregator(HandCatalog.Hand);

        var error = Assert.Throws<InvalidDataException>(() => aggregator.AddEventFile(AvroTestFiles.Events(events), "a.avro"));

        Assert.Equal($"a.avro: user 3 has a play of {1L + uint.MaxValue} ms; a listening time is 0 to {uint.MaxValue} ms.", error.Message);
        Assert.Empty(aggregator.Summaries());
    }
}
