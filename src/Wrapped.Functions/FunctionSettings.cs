using Wrapped.Pipeline.Storage;

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

    public const string InputContainer = FeedContainers.Input;

    public const string OutputContainer = FeedContainers.Output;

    /// <summary>The blob trigger's path: any file of any dataset in the input container.</summary>
    public const string InputBlobPath = InputContainer + "/{dataset}/{file}";
}
