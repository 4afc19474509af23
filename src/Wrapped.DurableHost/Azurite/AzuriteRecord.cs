using System.Diagnostics;
using System.Text.Json;

namespace Wrapped.DurableHost.Azurite;

/// <summary>
/// Remembers which Azurite serves a data directory, so a restart after a crash adopts the orphaned Azurite instead
/// of starting a second one on the same files — two would overwrite each other's saved state.
/// </summary>
internal sealed record AzuriteRecord(int ProcessId, int BlobPort, int QueuePort, int TablePort)
{
    private const string FileName = "azurite-process.json";

    public static string PathIn(string dataDirectory) => Path.Combine(dataDirectory, FileName);

    public void Save(string dataDirectory) =>
        File.WriteAllText(PathIn(dataDirectory), JsonSerializer.Serialize(this));

    public static void Delete(string dataDirectory) => File.Delete(PathIn(dataDirectory));

    /// <summary>The recorded Azurite when it still runs and serves its ports; otherwise null (and the record goes).</summary>
    public static async Task<(AzuriteRecord Record, Process Process)?> FindLiveAsync(
        string dataDirectory, CancellationToken ct)
    {
        string path = PathIn(dataDirectory);
        if (!File.Exists(path))
        {
            return null;
        }

        AzuriteRecord? record;
        try
        {
            record = JsonSerializer.Deserialize<AzuriteRecord>(await File.ReadAllTextAsync(path, ct));
        }
        catch (JsonException)
        {
            record = null;
        }

        Process? process = record is null ? null : TryGetNodeProcess(record.ProcessId);
        if (record is not null && process is not null &&
            await FreeTcpPorts.IsListeningAsync(record.BlobPort, ct) &&
            await FreeTcpPorts.IsListeningAsync(record.QueuePort, ct) &&
            await FreeTcpPorts.IsListeningAsync(record.TablePort, ct))
        {
            return (record, process);
        }

        process?.Dispose();
        File.Delete(path);
        return null;
    }

    // A recycled process id may belong to anything; only a node process can be our Azurite.
    private static Process? TryGetNodeProcess(int processId)
    {
        try
        {
            Process process = Process.GetProcessById(processId);
            if (!process.HasExited && process.ProcessName.Contains("node", StringComparison.OrdinalIgnoreCase))
            {
                return process;
            }

            process.Dispose();
            return null;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return null;
        }
    }
}
