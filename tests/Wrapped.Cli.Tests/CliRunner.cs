using System.Text.Json;

namespace Wrapped.Cli.Tests;

/// <summary>Runs the command line in-process and captures what it prints.</summary>
internal static class CliRunner
{
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exitCode = await CliApplication.RunAsync(args, stdout, stderr);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}

internal sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public JsonElement Json() => JsonDocument.Parse(Stdout).RootElement;

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}
