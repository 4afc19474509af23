using System.Diagnostics;
using System.Text;

namespace Wrapped.TestSupport;

/// <summary>
/// The <c>wrapped</c> command line as a child process (its <c>wrapped.dll</c> is copied beside every test assembly
/// that references the CLI), so a test can kill it with SIGKILL like a crashed machine would.
/// </summary>
public sealed class CliProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stdout = new();
    private readonly StringBuilder _stderr = new();

    private CliProcess(Process process) => _process = process;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public static CliProcess Start(IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "wrapped.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;

        var cli = new CliProcess(new Process { StartInfo = info });
        cli._process.OutputDataReceived += (_, e) => Append(cli._stdout, e.Data);
        cli._process.ErrorDataReceived += (_, e) => Append(cli._stderr, e.Data);
        cli._process.Start();
        cli._process.BeginOutputReadLine();
        cli._process.BeginErrorReadLine();
        return cli;
    }

    public static CliProcess Start(params string[] args) => Start(null, args);

    public string Stdout => Read(_stdout);

    public string Stderr => Read(_stderr);

    /// <summary>Waits for the command to end by itself and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        return _process.ExitCode;
    }

    /// <summary>Waits until <paramref name="condition"/> holds, failing early if the process ends first.</summary>
    public async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, string what)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The command ended (exit {_process.ExitCode}) before {what}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}");
            if (clock.Elapsed > timeout)
                throw new TimeoutException($"Not {what} within {timeout.TotalSeconds:0} s.\nstderr:\n{Stderr}");
            await Task.Delay(20);
        }
    }

    /// <summary>SIGKILL to this process alone, as <c>kill -9 PID</c> would: no finally block, no cleanup, children orphaned.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: false);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) await KillAsync();
        _process.Dispose();
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null) return;
        lock (text) text.AppendLine(line);
    }

    private static string Read(StringBuilder text)
    {
        lock (text) return text.ToString();
    }

    // `dotnet test` tells child processes which host it runs on; fall back to the one on PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
}
