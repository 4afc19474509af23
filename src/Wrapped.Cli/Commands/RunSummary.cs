using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Commands;

/// <summary>The closing summary of <c>simulate</c> and <c>run</c>, readable or as JSON.</summary>
internal sealed record RunSummary(
    string Status, string RunId, string Folder, long Users, int Days, long Events, long DroppedSessions, int Files, long Bytes,
    double Seconds, double EventsPerSecond)
{
    public static RunSummary From(RunOutcome outcome, string outputFolder)
    {
        var counts = outcome.Manifest.Counts;
        var seconds = outcome.Elapsed.TotalSeconds;
        return new RunSummary("done", outcome.Layout.RunId, Path.GetFullPath(Path.Combine(outputFolder, outcome.Layout.Root)),
            counts.Users, counts.Days, counts.Events, counts.DroppedSessions, counts.Files, counts.Bytes,
            Math.Round(seconds, 3), seconds > 0 ? Math.Round(counts.Events / seconds) : 0);
    }

    public void Write(TextWriter w)
    {
        w.WriteLine($"Run {RunId} done: {Folder}");
        w.WriteLine($"  users {Users:N0}, days {Days:N0}, events {Events:N0} ({DroppedSessions:N0} sessions did not fit their day)");
        w.WriteLine($"  files {Files:N0}, {Bytes / 1048576.0:N1} MiB, {Seconds:N1} s, {EventsPerSecond:N0} events/s");
    }
}
