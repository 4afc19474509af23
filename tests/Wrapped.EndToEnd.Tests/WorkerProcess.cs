using System.Collections.Concurrent;
using System.Diagnostics;

namespace Wrapped.EndToEnd.Tests;

/// <summary>A <c>wrapped worker</c> child process serving a task hub, with the activity lines it printed.</summary>
internal sealed class WorkerProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private WorkerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            if (e.Data == "ready") _ready.TrySetResult();
            else Lines.Add(e.Data);
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Errors.Add(e.Data); };
    }

    public ConcurrentBag<string> Lines { get; } = [];
    public ConcurrentBag<string> Errors { get; } = [];

    public static async Task<WorkerProcess> StartAsync(string connectionString, string taskHub, string inputFolder, string outputFolder)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "wrapped.dll");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { cli, "worker", "--input", inputFolder, "--out", outputFolder, "--task-hub", taskHub, "--concurrency", "1" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["WRAPPED_DURABLE_STORAGE"] = connectionString;
        var worker = new WorkerProcess(Process.Start(start)!);
        worker._process.BeginOutputReadLine();
        worker._process.BeginErrorReadLine();
        var ready = await Task.WhenAny(worker._ready.Task, worker._process.WaitForExitAsync(), Task.Delay(TimeSpan.FromSeconds(60)));
        if (ready != worker._ready.Task)
            throw new InvalidOperationException($"The worker did not start: {string.Join('\n', worker.Errors)}");
        return worker;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close(); // asks for a graceful stop
            if (!await ExitedWithin(TimeSpan.FromSeconds(40))) _process.Kill(entireProcessTree: true);
        }
        _process.Dispose();
    }

    private async Task<bool> ExitedWithin(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
