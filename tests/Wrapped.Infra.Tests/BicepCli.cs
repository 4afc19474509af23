using System.Diagnostics;
using System.Reflection;

namespace Wrapped.Infra.Tests;

/// <summary>The Bicep CLI restored from NuGet (Azure.Bicep.CommandLine.linux-x64), run as a process.</summary>
internal static class BicepCli
{
    public static string Path { get; } = Find();

    public static async Task<ProcessResult> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(Path)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        return await ProcessResult.RunAsync(start, TimeSpan.FromMinutes(3));
    }

    private static string Find()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value;
        // The package's props join its folder and the file name with a Windows separator.
        path = path?.Replace('\\', '/');
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            throw new InvalidOperationException($"No Bicep CLI at '{path}': restore tests/Wrapped.Infra.Tests (the package is linux-x64 only).");
        return path;
    }
}

internal sealed record ProcessResult(int ExitCode, string Output, string Error)
{
    public static async Task<ProcessResult> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} ran longer than {timeout}.");
        }
        return new ProcessResult(process.ExitCode, await output, await error);
    }
}
