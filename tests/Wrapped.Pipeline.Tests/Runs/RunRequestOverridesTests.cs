using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class RunRequestOverridesTests
{
    private static readonly DateOnly Yesterday = new(2025, 6, 30);

    private static readonly IReadOnlyList<ManifestInput> Inputs =
    [
        new("tracks.csv", 10, new string('a', 64)),
        new("tracks_extended.csv", 20, new string('b', 64)),
        new("artists.csv", 30, new string('c', 64)),
    ];

    [Fact]
    public void ToParameters_Clusters_IsTheRunsAndPartOfItsId()
    {
        var asDefault = new RunRequestOverrides().ToParameters("sample", new FeedDefaults(), Yesterday, Inputs);
        var three = new RunRequestOverrides(Clusters: 3).ToParameters("sample", new FeedDefaults(), Yesterday, Inputs);
        var five = new RunRequestOverrides(Clusters: 5).ToParameters("sample", new FeedDefaults(), Yesterday, Inputs);

        Assert.Equal(3, asDefault.Clusters);
        Assert.Equal(5, five.Clusters);
        // Asking for the default explicitly is the same run; asking for another k is another run, with an id of its own.
        Assert.Equal(asDefault.RunId, three.RunId);
        Assert.NotEqual(asDefault.RunId, five.RunId);
        Assert.Equal(InputFingerprints.DeriveRunId(five.Dataset, Inputs, five), five.RunId);
    }

    [Fact]
    public void ToParameters_NoClusters_TakesTheDefaults()
    {
        var parameters = new RunRequestOverrides().ToParameters("sample", new FeedDefaults { Clusters = 4 }, Yesterday, Inputs);

        Assert.Equal(4, parameters.Clusters);
    }
}
