using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

public sealed class ValidateCommandTests
{
    [Fact]
    public async Task Validate_CorruptManifest_ExitsTwoWithAFindingNamingIt()
    {
        using var output = new TempFolder("corrupt-manifest");
        var runFolder = await SmallRunAsync(output);
        File.WriteAllText(Path.Combine(runFolder, "_manifest.json"), "{ \"formatVersion\": \"1\", ");

        var result = await CliRunner.RunAsync("validate", runFolder, "--json");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("invalid", result.Json().GetProperty("status").GetString());
        Assert.Contains("_manifest.json", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_RunFolderRenamed_NamesTheRunByItsManifestId()
    {
        using var output = new TempFolder("renamed");
        var runFolder = await SmallRunAsync(output);
        var runId = Path.GetFileName(runFolder);
        var renamed = output.Combine("Copy Of The Run");
        Directory.Move(runFolder, renamed);

        var result = await CliRunner.RunAsync("validate", renamed, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(runId, result.Json().GetProperty("runId").GetString());
    }

    private static async Task<string> SmallRunAsync(TempFolder output)
    {
        var run = await CliRunner.RunAsync("run", "--users", "3", "--start", "2025-01-01", "--end", "2025-01-02", "--out", output.Path, "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        return output.Combine("runs", run.Json().GetProperty("runId").GetString()!);
    }
}
