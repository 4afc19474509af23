using System.Diagnostics;
using System.Text;

namespace Wrapped.DurableHost.Azurite;

/// <summary>
/// A private Azurite (blob, queue, table) on free loopback ports, owned by this process and killed on dispose.
/// </summary>
public sealed class AzuriteProcess : IAsyncDisposable
{
    /// <summary>The public, documented key of Azurite's built-in account; not a secret.</summary>
    public const string DevAccountKey =
        "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private const string DevAccountName = "devstoreaccount1";
    private const int MaxAttempts = 5;
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(30);

    // Azurite's shutdown waits for clients' keep-alive connections to close, which pooled SDK clients never do;
    // 6 s covers one of its 5 s metadata autosaves, so anything written before dispose is on disk.
    private static readonly TimeSpan GracefulStopTimeout = TimeSpan.FromSeconds(6);

    private readonly Process _process;
    private readonly AzuriteOutput _output;
    private readonly string _dataDirectory;

    private AzuriteProcess(
        Process process, AzuriteOutput output, string dataDirectory, int blobPort, int queuePort, int tablePort)
    {
        _process = process;
        _output = output;
        _dataDirectory = dataDirectory;
        BlobPort = blobPort;
        QueuePort = queuePort;
        TablePort = tablePort;
    }

    public int BlobPort { get; }

    public int QueuePort { get; }

    public int TablePort { get; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={DevAccountName};AccountKey={DevAccountKey};" +
        $"BlobEndpoint=http://127.0.0.1:{BlobPort}/{DevAccountName};" +
        $"QueueEndpoint=http://127.0.0.1:{QueuePort}/{DevAccountName};" +
        $"TableEndpoint=http://127.0.0.1:{TablePort}/{DevAccountName};";

    /// <summary>Starts Azurite with its data in <paramref name="dataDirectory"/> and waits until it serves.</summary>
    /// <remarks>
    /// When an Azurite started earlier on this directory still runs — its owner crashed — that one is adopted:
    /// same ports, and this instance stops it on dispose.
    /// </remarks>
    /// <param name="dataDirectory">Created when missing; reuse it to keep storage across restarts.</param>
    /// <param name="ct">Cancels the start; the half-started process is killed.</param>
    /// <param name="debugLog">Writes Azurite's debug log to <c>azurite-debug.log</c> in the data directory.</param>
    public static async Task<AzuriteProcess> StartAsync(
        string dataDirectory, CancellationToken ct, bool debugLog = false)
    {
        string executable = AzuriteExecutable.Find();
        dataDirectory = Path.GetFullPath(dataDirectory);
        Directory.CreateDirectory(dataDirectory);
        if (await AzuriteRecord.FindLiveAsync(dataDirectory, ct) is var (record, orphan))
        {
            return new AzuriteProcess(
                orphan, new AzuriteOutput(), dataDirectory, record.BlobPort, record.QueuePort, record.TablePort);
        }

        // A free port can be taken by someone else between our probe and Azurite's bind; then Azurite
        // exits and a fresh set of ports is tried.
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                return await StartOnAsync(executable, dataDirectory, FreeTcpPorts.Take(3), debugLog, ct);
            }
            catch (AzuriteExitedException) when (attempt < MaxAttempts)
            {
            }
        }
    }

    /// <summary>
    /// Starts Azurite on the ports it served before, with the same data: storage that comes back at its address after
    /// an outage, as the tests of storage faults need it.
    /// </summary>
    public static Task<AzuriteProcess> StartOnPortsAsync(string dataDirectory, int blobPort, int queuePort, int tablePort, CancellationToken ct) =>
        StartOnAsync(AzuriteExecutable.Find(), Path.GetFullPath(dataDirectory), [blobPort, queuePort, tablePort], debugLog: false, ct);

    private static async Task<AzuriteProcess> StartOnAsync(string executable, string dataDirectory, int[] ports, bool debugLog, CancellationToken ct)
    {
        Directory.CreateDirectory(dataDirectory);
        Process process = Launch(executable, dataDirectory, ports, debugLog, out AzuriteOutput output);
        var azurite = new AzuriteProcess(process, output, dataDirectory, ports[0], ports[1], ports[2]);
        try
        {
            await azurite.WaitUntilServingAsync(ct);
            new AzuriteRecord(process.Id, ports[0], ports[1], ports[2]).Save(dataDirectory);
            return azurite;
        }
        catch
        {
            await azurite.DisposeAsync();
            throw;
        }
    }

    private static Process Launch(
        string executable, string dataDirectory, int[] ports, bool debugLog, out AzuriteOutput output)
    {
        var info = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[]
        {
            "--blobHost", "127.0.0.1", "--blobPort", ports[0].ToString(),
            "--queueHost", "127.0.0.1", "--queuePort", ports[1].ToString(),
            "--tableHost", "127.0.0.1", "--tablePort", ports[2].ToString(),
            "--location", dataDirectory,
            "--skipApiVersionCheck", "--loose",
        })
        {
            info.ArgumentList.Add(arg);
        }

        if (debugLog)
        {
            info.ArgumentList.Add("--debug");
            info.ArgumentList.Add(Path.Combine(dataDirectory, "azurite-debug.log"));
        }
        else
        {
            info.ArgumentList.Add("--silent");
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        output = new AzuriteOutput();
        process.OutputDataReceived += output.OnStdout;
        process.ErrorDataReceived += output.OnStderr;
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task WaitUntilServingAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartupTimeout);
        try
        {
            // Azurite announces each service; the port probe then confirms it is Azurite that listens.
            while (_output.ListeningServices < 3)
            {
                if (_process.HasExited)
                {
                    throw new AzuriteExitedException(
                        $"Azurite exited with code {_process.ExitCode} during startup. {_output.Describe()}");
                }

                await Task.Delay(50, timeout.Token);
            }

            foreach (int port in new[] { BlobPort, QueuePort, TablePort })
            {
                while (!await FreeTcpPorts.IsListeningAsync(port, timeout.Token))
                {
                    await Task.Delay(50, timeout.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Azurite did not serve on ports {BlobPort}/{QueuePort}/{TablePort} " +
                $"within {StartupTimeout.TotalSeconds:0} s. {_output.Describe()}");
        }
    }

    /// <summary>Stops Azurite: SIGTERM first, then kills the process tree if it lingers.</summary>
    /// <remarks>
    /// Azurite keeps queue and table metadata in memory and saves it every 5 s; SIGTERM lets it flush, so a run's
    /// final state survives into the next start on the same data directory. An immediate SIGKILL could lose the
    /// last seconds of writes.
    /// </remarks>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited && PosixSignal.TryTerminate(_process.Id))
            {
                using var grace = new CancellationTokenSource(GracefulStopTimeout);
                // Azurite closes its three services, saving their metadata, within a fraction of a second of the
                // signal, then can linger on its own timers for seconds or minutes: once all three have said so,
                // ending the process loses nothing. An adopted orphan's output is not ours to read: it gets the timeout.
                await Task.WhenAny(_process.WaitForExitAsync(grace.Token), _output.AllServicesClosed);
            }

            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception e) when (e is InvalidOperationException or OperationCanceledException)
        {
            // Already gone, or refusing to die: nothing more a disposer can do.
        }
        finally
        {
            _process.Dispose();
            AzuriteRecord.Delete(_dataDirectory);
        }
    }

    private sealed class AzuriteExitedException(string message) : Exception(message);

    private sealed class AzuriteOutput
    {
        private readonly StringBuilder _stderr = new();
        private readonly TaskCompletionSource _allClosed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _listening;
        private int _closed;

        public int ListeningServices => Volatile.Read(ref _listening);

        /// <summary>Completes when blob, queue and table have each reported "successfully closed".</summary>
        public Task AllServicesClosed => _allClosed.Task;

        public void OnStdout(object sender, DataReceivedEventArgs e)
        {
            if (e.Data?.Contains("successfully listening", StringComparison.Ordinal) == true)
            {
                Interlocked.Increment(ref _listening);
            }
            else if (e.Data?.Contains("successfully closed", StringComparison.Ordinal) == true && Interlocked.Increment(ref _closed) == 3)
            {
                _allClosed.TrySetResult();
            }
        }

        public void OnStderr(object sender, DataReceivedEventArgs e)
        {
            if (e.Data is null)
            {
                return;
            }

            lock (_stderr)
            {
                _stderr.AppendLine(e.Data);
            }
        }

        public string Describe()
        {
            lock (_stderr)
            {
                return _stderr.Length == 0 ? "Azurite wrote nothing to stderr." : $"Azurite stderr:\n{_stderr}";
            }
        }
    }
}
