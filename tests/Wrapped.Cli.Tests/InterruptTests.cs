using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary>Ctrl-C (SIGINT) and SIGTERM stop a run cleanly: exit 130 and how to carry on.</summary>
public sealed class InterruptTests
{
    private const int SigInt = 2, SigTerm = 15;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [Theory]
    [InlineData(SigInt)]
    [InlineData(SigTerm)]
    public async Task Run_Signalled_ExitsOneThirtyWithHowToResume(int signal)
    {
        using var output = new TempFolder("interrupt");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { "exec", Path.Combine(AppContext.BaseDirectory, "wrapped.dll"), "run", "--users", "1000", "--start", "2020-01-01", "--end", "2021-12-31", "--out", output.Path },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(info)!;
        var stderr = new StringBuilder();
        var simulating = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (stderr) stderr.AppendLine(e.Data);
            if (e.Data.StartsWith("[simulate]", StringComparison.Ordinal)) simulating.TrySetResult();
        };
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        try
        {
            Assert.Same(simulating.Task, await Task.WhenAny(simulating.Task, process.WaitForExitAsync(), Task.Delay(TimeSpan.FromMinutes(2))));

            Assert.Equal(0, Kill(process.Id, signal));
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync(patience.Token);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }

        await stdout;
        string text;
        lock (stderr) text = stderr.ToString();
        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{text}");
        Assert.Contains("wrapped: interrupted; run the same command to resume", text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }
}
