using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Logging;
using SdkDataConverter = Microsoft.DurableTask.DataConverter;

namespace Wrapped.DurableHost;

/// <summary>
/// Runs the app's Microsoft.DurableTask orchestrators and activities on DurableTask.Core with the Azure Storage
/// backend — the engine Durable Functions uses — without the Functions host.
/// </summary>
/// <remarks>
/// The <see cref="Client"/> works before <see cref="StartAsync"/>, so a process can schedule or query without
/// running work. Activities must be idempotent: after a crash an activity can run twice.
/// </remarks>
public sealed class LocalDurableHost : IAsyncDisposable
{
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(30);

    private readonly AzureStorageOrchestrationService _service;
    private readonly TaskHubWorker _worker;
    private readonly ILogger _logger;
    private readonly string _workerId;
    private bool _started;
    private bool _disposed;

    private LocalDurableHost(
        AzureStorageOrchestrationService service,
        TaskHubWorker worker,
        TaskHubDurableTaskClient client,
        ILogger logger,
        string workerId)
    {
        _service = service;
        _worker = worker;
        Client = client;
        _logger = logger;
        _workerId = workerId;
    }

    /// <summary>The client every caller (CLI, tests, Function triggers) speaks to the task hub through.</summary>
    public DurableTaskClient Client { get; }

    /// <summary>Builds a host; nothing touches storage until the client is used or the host is started.</summary>
    public static LocalDurableHost Create(LocalDurableHostOptions options, Action<LocalDurableRegistry> register)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(register);

        SdkDataConverter converter = options.DataConverter;
        var shims = new DurableTaskShimFactory(
            new DurableTaskWorkerOptions { DataConverter = converter }, options.LoggerFactory);
        var registry = new LocalDurableRegistry(shims);
        register(registry);

        var service = new AzureStorageOrchestrationService(StorageSettings.From(options));
        var worker = new TaskHubWorker(
            service, registry.Orchestrations, registry.Activities, options.LoggerFactory)
        {
            // The SDK shims turn failures into FailureDetails; Core must carry them rather than serialize exceptions.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddOrchestrationDispatcherMiddleware(ParentAwareOrchestration.CaptureParentAsync);
        var coreClient = new TaskHubClient(service, new CoreDataConverterAdapter(converter), options.LoggerFactory);
        var client = new TaskHubDurableTaskClient(options.TaskHubName, coreClient, service, converter);
        return new LocalDurableHost(
            service, worker, client, options.LoggerFactory.CreateLogger<LocalDurableHost>(), options.WorkerId);
    }

    /// <summary>Creates the task hub when missing, then starts dispatching orchestrations and activities.</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);

        // The worker does not create queues and tables itself; starting on a fresh hub would fail.
        await _service.CreateIfNotExistsAsync().WaitAsync(ct);
        await _worker.StartAsync().WaitAsync(ct);
        _started = true;
        _logger.LogInformation("Durable worker {WorkerId} started", _workerId);
    }

    /// <summary>Stops dispatching; graceful waits for running work items, forced abandons them to re-delivery.</summary>
    public async Task StopAsync(bool forced)
    {
        if (!_started)
        {
            return;
        }

        _started = false;
        await _worker.StopAsync(forced);
    }

    /// <summary>Stops gracefully (bounded), releasing partition leases so a successor starts at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        try
        {
            await StopAsync(forced: false).WaitAsync(GracefulStopTimeout);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("Durable worker did not stop within {Timeout}; forcing", GracefulStopTimeout);
            await _worker.StopAsync(isForced: true);
        }
        finally
        {
            await Client.DisposeAsync();
            _worker.Dispose();
            _service.Dispose();
        }
    }
}
