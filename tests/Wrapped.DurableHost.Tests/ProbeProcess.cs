using System.Diagnostics;
using System.Text;

namespace Wrapped.DurableHost.Tests;

/// <summary>Runs tests/Wrapped.DurableProbe as a child process that can be killed like a crashed worker.</summary>
internal sealed class ProbeProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly StringBuilder _stderr = new();

    private ProbeProcess(Process process) => _process = process;

    public static async Task<ProbeProcess> StartAsync(string connectionString, string taskHubName)
    {
        var info = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("exec");
        info.ArgumentList.Add(ProbeAssembly());
        info.ArgumentList.Add(connectionString);
        info.ArgumentList.Add(taskHubName);

        var probe = new ProbeProcess(new Process { StartInfo = info });
        probe._process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                probe._ready.TrySetResult();
            }
        };
        probe._process.ErrorDataReceived += (_, e) =>
        {
            lock (probe._stderr)
            {
                probe._stderr.AppendLine(e.Data);
            }
        };
        probe._process.Start();
        probe._process.BeginOutputReadLine();
        probe._process.BeginErrorReadLine();

        Task exited = probe._process.WaitForExitAsync();
        Task first = await Task.WhenAny(probe._ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != probe._ready.Task)
        {
            string why = first == exited ? $"exited with {probe._process.ExitCode}" : "did not report ready in 60 s";
            await probe.DisposeAsync();
            throw new InvalidOperationException($"The durable probe {why}. stderr:\n{probe.Stderr}");
        }

        return probe;
    }

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>SIGKILL on Unix: no finally blocks, no lease release, no message abandon — a real crash.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }

    // The probe's output folder mirrors this one: tests/<project>/bin/<configuration>/<tfm>/.
    private static string ProbeAssembly()
    {
        DirectoryInfo here = new(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        DirectoryInfo tfm = here;
        DirectoryInfo configuration = tfm.Parent!;
        DirectoryInfo project = configuration.Parent!.Parent!;
        string path = Path.Combine(
            project.Parent!.FullName, "Wrapped.DurableProbe", "bin", configuration.Name, tfm.Name, "Wrapped.DurableProbe.dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException($"Build tests/Wrapped.DurableProbe first; expected '{path}'.");
    }

    // `dotnet test` tells child processes which host it runs on; fall back to the one on PATH.
    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : "dotnet";
}
