namespace Wrapped.Functions;

/// <summary>
/// The names the app reads from its settings, and the two containers it works in. The containers are fixed: the
/// infrastructure creates them and the Event Grid subscription filters on the input one, so a setting would have to be
/// kept equal in four places.
/// </summary>
internal static class FunctionSettings
{
    /// <summary>
    /// Configuration section of the storage account holding the input and output containers: a connection string
    /// (Azurite) or <c>blobServiceUri</c> + <c>credential</c> + <c>clientId</c> (Azure). Never the host's storage.
    /// </summary>
    public const string FeedStorageConnection = "FeedStorage";

    /// <summary>App setting holding the NCRONTAB schedule of the nightly extension.</summary>
    public const string DailySchedule = "%DailySchedule%";

    /// <summary>Where datasets are uploaded, one folder each: <c>wrapped-input/{dataset}/tracks.csv</c>, ….</summary>
    public const string InputContainer = "wrapped-input";

    /// <summary>Where runs are written: <c>wrapped-feed/runs/{runId}/…</c>.</summary>
    public const string OutputContainer = "wrapped-feed";

    /// <summary>The blob trigger's path: any file of any dataset in the input container.</summary>
    public const string InputBlobPath = InputContainer + "/{dataset}/{file}";
}
