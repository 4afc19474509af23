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
}
