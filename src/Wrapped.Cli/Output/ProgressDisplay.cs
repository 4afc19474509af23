using Spectre.Console;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Output;

/// <summary>Live progress bars on an interactive terminal; plain, occasional lines on stderr in CI, logs and pipes.</summary>
internal static class ProgressDisplay
{
    public static async Task<T> RunAsync<T>(bool quiet, TextWriter stderr, Func<IProgress<RunProgress>, Task<T>> work)
    {
        if (quiet) return await work(new Progress<RunProgress>(_ => { }));
        if (!Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            return await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new SpinnerColumn())
                .StartAsync(async context =>
                {
                    var task = context.AddTask("starting", maxValue: 1);
                    return await work(new SynchronousProgress(p =>
                    {
                        task.Description = p.BatchesTotal > 0 ? $"{p.Stage} ({p.EventsWritten:N0} events)" : p.Stage;
                        task.MaxValue = Math.Max(1, p.BatchesTotal);
                        task.Value = p.BatchesDone;
                    }));
                });
        }

        var lastLine = DateTime.MinValue;
        return await work(new SynchronousProgress(p =>
        {
            var now = DateTime.UtcNow;
            var finished = p.BatchesTotal > 0 && p.BatchesDone == p.BatchesTotal;
            if (p.BatchesDone > 0 && !finished && now - lastLine < TimeSpan.FromSeconds(2)) return;
            lastLine = now;
            stderr.WriteLine(p.BatchesTotal > 0
                ? $"[{p.Stage}] {p.BatchesDone}/{p.BatchesTotal} batches, {p.EventsWritten:N0} events"
                : $"[{p.Stage}]");
        }));
    }

    /// <summary>Reports on the caller's thread, in order (Progress&lt;T&gt; would post to the thread pool and reorder lines).</summary>
    private sealed class SynchronousProgress(Action<RunProgress> report) : IProgress<RunProgress>
    {
        private readonly Lock _gate = new();

        public void Report(RunProgress value)
        {
            lock (_gate) report(value);
        }
    }
}
