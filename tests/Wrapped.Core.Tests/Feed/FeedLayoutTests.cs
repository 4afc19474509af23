using Wrapped.Core.Feed;

namespace Wrapped.Core.Tests.Feed;

public sealed class FeedLayoutTests
{
    [Fact]
    public void Paths_OfARun_FollowTheSpecLayout()
    {
        var layout = new FeedLayout("sample-0123456789ab");

        Assert.Equal("runs/sample-0123456789ab/catalog/tracks.avro", layout.CatalogTracks);
        Assert.Equal("runs/sample-0123456789ab/catalog/artists.avro", layout.CatalogArtists);
        Assert.Equal("runs/sample-0123456789ab/users/part-00007.avro", layout.UsersPart(7));
        Assert.Equal("runs/sample-0123456789ab/events/date=2025-03-09/part-00012.avro", layout.EventsPart(new DateOnly(2025, 3, 9), 12));
        Assert.Equal("runs/sample-0123456789ab/state/part-00000.avro", layout.StatePart(0));
        Assert.Equal("runs/sample-0123456789ab/_manifest.json", layout.Manifest);
        Assert.Equal("runs/sample-0123456789ab/_SUCCESS", layout.Success);
        Assert.Equal("runs/sample-0123456789ab/_report.json", layout.Report);
    }

    [Fact]
    public void RelativeToRun_StripsTheRunFolder()
    {
        var layout = new FeedLayout("r1");

        Assert.Equal("events/date=2025-01-01/part-00000.avro", layout.RelativeToRun(layout.EventsPart(new DateOnly(2025, 1, 1), 0)));
    }

    [Fact]
    public void AtStoreRoot_HasNoRunFolder()
    {
        var layout = FeedLayout.AtStoreRoot();

        Assert.Equal("catalog/tracks.avro", layout.CatalogTracks);
        Assert.Equal("_report.json", layout.Report);
        Assert.Equal("catalog/tracks.avro", layout.RelativeToRun(layout.CatalogTracks));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Upper")]
    [InlineData("../escape")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    public void Constructor_InvalidRunId_Throws(string runId)
    {
        Assert.Throws<ArgumentException>(() => new FeedLayout(runId));
    }
}
