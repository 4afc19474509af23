using System.Diagnostics;
using System.Text;

namespace Wrapped.DurableHost.Tests;

/// <summary>Runs tests/Wrapped.DurableProbe as a child process that can be killed like a crashed worker.</summary>
sealed class ProbeProcess : IAsyncDisposable
{
    readonly Process process;
    readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    readonly StringBuilder stderr = new();

    ProbeProcess(Process process) => this.process = process;

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
        probe.process.OutputDataReceived += (_, e) =>
        {
            if (e.Data == "ready")
            {
                probe.ready.TrySetResult();
            }
        };
        probe.process.ErrorDataReceived += (_, e) =>
        {
            lock (probe.stderr)
            {
                probe.stderr.AppendLine(e.Data);
            }
        };
        probe.process.Start();
        probe.process.BeginOutputReadLine();
        probe.process.BeginErrorReadLine();

        Task exited = probe.process.WaitForExitAsync();
        Task first = await Task.WhenAny(probe.ready.Task, exited, Task.Delay(TimeSpan.FromSeconds(60)));
        if (first != probe.ready.Task)
        {
            string why = first == exited ? $"exited with {probe.process.ExitCode}" : "did not report ready in 60 s";
            await probe.DisposeAsync();
            throw new InvalidOperationException($"The durable probe {why}. stderr:\n{probe.Stderr}");
        }

        return probe;
    }

    public string Stderr
    {
        get
        {
            lock (this.stderr)
            {
                return this.stderr.ToString();
            }
        }
    }

    /// <summary>SIGKILL on Unix: no finally blocks, no lease release, no message abandon — a real crash.</summary>
    public async Task KillAsync()
    {
        this.process.Kill(entireProcessTree: true);
        await this.process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!this.process.HasExited)
        {
            await this.KillAsync();
        }

        this.process.Dispose();
    }

    // The probe's output folder mirrors this one: tests/<project>/bin/<configuration>/<tfm>/.
    static string ProbeAssembly()
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
    static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host
        ? host
        : "dotnet";
}
