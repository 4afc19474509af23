using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Wrapped.DurableHost;

/// <summary>Settings for the one-machine durable host.</summary>
public sealed record LocalDurableHostOptions
{
    /// <summary>Storage holding the task hub: Azurite's connection string on one machine.</summary>
    public required string ConnectionString { get; init; }

    /// <summary>Names the queues, tables and containers; letters and digits, 3 to 45 characters.</summary>
    public string TaskHubName { get; init; } = "WrappedFeed";

    /// <summary>Activities run at once by this process.</summary>
    public int MaxConcurrentActivities { get; init; } = Math.Max(2, Environment.ProcessorCount * 4);

    /// <summary>Orchestration episodes run at once by this process.</summary>
    public int MaxConcurrentOrchestrations { get; init; } = Math.Max(2, Environment.ProcessorCount * 2);

    /// <summary>Control queues; few, because one process owns them all.</summary>
    public int PartitionCount { get; init; } = 2;

    /// <summary>
    /// How long a dequeued message stays hidden; after a crash its work is re-delivered when this runs out.
    /// The backend's 5-minute default would stall a restarted run for minutes. Not much lower: Core renews a
    /// running activity's lock only every 5 s, so a long activity on a busy machine would be handed out twice.
    /// </summary>
    public TimeSpan VisibilityTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long a control-queue lease lives without renewal. A killed process keeps its leases until they
    /// lapse, so a restart waits about this long before orchestrations move again.
    /// </summary>
    public TimeSpan LeaseInterval { get; init; } = TimeSpan.FromSeconds(12);

    /// <summary>Longest idle wait between queue polls; the backend's 30 s default makes a quiet host sluggish.</summary>
    public TimeSpan MaxQueuePollingInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Identifies this worker in partition leases; unique per process so two hosts on one machine never
    /// believe they own the same partition.
    /// </summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>
    /// Serializes inputs, outputs, custom status and events on both client and worker side; keep it the same as
    /// the Function app's so payloads written by one host read back in the other.
    /// </summary>
    public DataConverter DataConverter { get; init; } = JsonDataConverter.Default;

    /// <summary>DurableTask.Core is chatty at Information; pass a filtered factory to see it.</summary>
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;
}
