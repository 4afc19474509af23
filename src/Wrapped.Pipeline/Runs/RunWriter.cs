using System.Globalization;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// <c>_writer.json</c>: who writes a run. The process that holds the run's lock, and for a Durable run the
/// orchestration whose execution claimed it, with that execution's writer token: activities of any other execution
/// refuse to write (<see cref="WriterClaim"/>). Left in place after the writer is done, as a record of the last one.
/// </summary>
/// <param name="Orchestration">The orchestration instance this process drives, or which claimed the run.</param>
/// <param name="Token">The claiming execution's writer token; null when no orchestration writes the run.</param>
public sealed record RunWriter(string Host, int ProcessId, DateTimeOffset Since, string? Orchestration = null, string? Token = null)
{
    /// <summary>This process, from now, driving <paramref name="orchestration"/> if given.</summary>
    public static RunWriter ThisProcess(string? orchestration = null) =>
        new(Environment.MachineName, Environment.ProcessId, DateTimeOffset.UtcNow, orchestration);

    /// <summary>"pid 4242 on host h since 2025-03-01 12:00:00Z (orchestration x)": what a refused writer is told.</summary>
    public string Describe()
    {
        var since = Since.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var orchestration = Orchestration is null ? "" : $" (orchestration {Orchestration})";
        return $"pid {ProcessId} on {Host} since {since}{orchestration}";
    }
}
