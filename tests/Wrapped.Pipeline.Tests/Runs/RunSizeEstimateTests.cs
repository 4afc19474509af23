using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>The estimate a run is refused or announced by, against what a real run writes.</summary>
public sealed class RunSizeEstimateTests
{
    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public async Task For_ARealRunOfTheSample_EventsCloseAndBytesBetweenTheFloorAndTheEstimate(string codec)
    {
        using var folder = new TempFolder("estimate");
        var parameters = LocalRun.Parameters(1_000, new DateOnly(2025, 1, 1), new DateOnly(2025, 1, 7), 250) with { Codec = codec };

        var outcome = await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(250, 2));

        var estimate = RunSizeEstimate.For(parameters);
        var counts = outcome.Manifest.Counts;
        Assert.InRange(estimate.Events, counts.Events * 0.9, counts.Events * 1.1);
        Assert.InRange(counts.Bytes, estimate.MinimumBytes * 2, estimate.Bytes * 1.5);
    }
}
