using DurableTask.AzureStorage;

namespace Wrapped.DurableHost;

/// <summary>Tunes the Azure Storage backend for one machine: fast failover and snappy polling.</summary>
internal static class StorageSettings
{
    public static AzureStorageOrchestrationServiceSettings From(LocalDurableHostOptions options) => new()
    {
        StorageAccountClientProvider = new StorageAccountClientProvider(options.ConnectionString),
        TaskHubName = options.TaskHubName,
        WorkerId = options.WorkerId,
        PartitionCount = options.PartitionCount,
        MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
        MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
        WorkItemQueueVisibilityTimeout = options.VisibilityTimeout,
        ControlQueueVisibilityTimeout = options.VisibilityTimeout,
        LeaseInterval = options.LeaseInterval,
        LeaseRenewInterval = options.LeaseInterval / 3,
        LeaseAcquireInterval = options.LeaseInterval / 3,
        MaxQueuePollingInterval = options.MaxQueuePollingInterval,

        // The app lease serializes app versions across a fleet; one process has nothing to hand over,
        // and a killed holder would block the restart until it expired.
        UseAppLease = false,

        // Lets the client tell a caller-requested dedupe conflict apart from a fresh start.
        ThrowExceptionOnInvalidDedupeStatus = true,
        LoggerFactory = options.LoggerFactory,
    };
}
