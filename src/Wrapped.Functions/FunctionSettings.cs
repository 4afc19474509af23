namespace Wrapped.Functions;

internal static class FunctionSettings
{
    /// <summary>App setting holding the connection to the storage account with the input and output containers.</summary>
    public const string FeedStorageConnection = "FeedStorage";

    /// <summary>App setting holding the NCRONTAB schedule of the nightly extension.</summary>
    public const string DailySchedule = "%DailySchedule%";
}
