namespace Wrapped.Pipeline.Storage;

/// <summary>The two blob containers of a deployment, fixed names shared by the Function app, its Bicep and the CLI.</summary>
public static class FeedContainers
{
    /// <summary>Where datasets are uploaded, one folder each: <c>wrapped-input/{dataset}/tracks.csv</c>, ….</summary>
    public const string Input = "wrapped-input";

    /// <summary>Where runs are written: <c>wrapped-feed/runs/{runId}/…</c>.</summary>
    public const string Output = "wrapped-feed";
}
