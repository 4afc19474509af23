namespace Wrapped.Pipeline.Runs;

/// <summary>Where a run is: reported to progress bars, log lines and the orchestration's custom status.</summary>
public sealed record RunProgress(string Stage, int BatchesDone, int BatchesTotal, long EventsWritten);
