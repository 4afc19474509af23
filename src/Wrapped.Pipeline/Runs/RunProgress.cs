namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Where a run is, whoever runs it: the Durable orchestration's custom status (what <c>GET /api/runs/{runId}</c> and
/// <c>run --durable</c> read), and the local runner's reports to progress bars and log lines.
/// </summary>
public sealed record RunProgress(string Stage, int BatchesDone, int BatchesTotal, long EventsWritten)
{
    /// <summary>A stage with no batch counted yet.</summary>
    public static RunProgress Starting(string stage) => new(stage, 0, 0, 0);
}
