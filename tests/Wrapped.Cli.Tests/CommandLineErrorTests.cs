using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary>Whatever a user types, the command line answers with exit 2 and one line naming the option: never a stack trace.</summary>
public sealed class CommandLineErrorTests
{
    [Theory]
    [InlineData("run", "--users", "abc")]
    [InlineData("run", "--users", "99999999999")]
    [InlineData("run", "--batch-size", "x")]
    [InlineData("run", "--parallelism", "1.5")]
    [InlineData("run", "--part-size", "many")]
    [InlineData("run", "--clusters", "three")]
    [InlineData("run", "--seed", "abc")]
    [InlineData("simulate", "--users", "abc")]
    [InlineData("prepare", "--clusters", "x")]
    [InlineData("worker", "--concurrency", "x")]
    public async Task Parse_NotANumber_ExitsTwoWithOneLineNamingTheOptionAndValue(string verb, string option, string value)
    {
        using var output = new TempFolder("parse");
        string[] catalog = verb == "simulate" ? ["--catalog", output.Path] : [];

        var result = await CliRunner.RunAsync([verb, .. catalog, option, value, "--out", output.Combine("out")]);

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains(option, line, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("out")));
    }

    [Fact]
    public async Task Parse_NotANumberWithJson_PrintsOneJsonObjectOnStdout()
    {
        var result = await CliRunner.RunAsync("run", "--users", "abc", "--json");

        Assert.Equal(2, result.ExitCode);
        var json = result.Json();
        Assert.Equal("rejected", json.GetProperty("status").GetString());
        Assert.Equal(2, json.GetProperty("exitCode").GetInt32());
        Assert.Contains("--users", json.GetProperty("error").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("frobnicate")]
    public async Task Parse_UnknownOptionOrVerb_ExitsTwo(string token)
    {
        var result = await CliRunner.RunAsync(token);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(token, result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Parse_NoVerb_ExitsTwoNamingTheVerbs()
    {
        var result = await CliRunner.RunAsync();

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("run", result.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Bad Id")]
    [InlineData("../escape")]
    [InlineData("-leading-dash")]
    public async Task Run_InvalidRunId_ExitsTwoNamingTheOption(string runId)
    {
        using var output = new TempFolder("run-id");

        var result = await CliRunner.RunAsync("run", "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--run-id", runId, "--out", output.Combine("out"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("--run-id", line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("out")));
    }

    [Theory]
    [InlineData("run")]
    [InlineData("prepare")]
    public async Task Out_IsAFile_ExitsTwoNamingTheOption(string verb)
    {
        using var output = new TempFolder("out-file");
        var file = output.Combine("a-file");
        File.WriteAllText(file, "not a folder");
        string[] run = verb == "run" ? ["--users", "2", "--start", "2025-01-01", "--end", "2025-01-01"] : [];

        var result = await CliRunner.RunAsync([verb, .. run, "--out", file]);

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("--out", line, StringComparison.Ordinal);
        Assert.Contains(file, line, StringComparison.Ordinal);
        Assert.Equal("not a folder", File.ReadAllText(file));
    }

    [Fact]
    public async Task Run_CorruptRunDefinition_ExitsTwoNamingTheFile()
    {
        using var output = new TempFolder("corrupt-run-json");
        string[] command = ["run", "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--out", output.Path, "--json"];
        var first = await CliRunner.RunAsync(command);
        var runFolder = output.Combine("runs", first.Json().GetProperty("runId").GetString()!);
        File.WriteAllText(Path.Combine(runFolder, "_run.json"), "garbage");

        var result = await CliRunner.RunAsync(command[..^1]);

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("_run.json", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_CorruptManifest_ExitsTwoNamingTheFile()
    {
        using var output = new TempFolder("corrupt-manifest");
        var first = await CliRunner.RunAsync("run", "--users", "2", "--start", "2025-01-01", "--end", "2025-01-01", "--out", output.Path, "--json");
        var runFolder = output.Combine("runs", first.Json().GetProperty("runId").GetString()!);
        File.WriteAllText(Path.Combine(runFolder, "_manifest.json"), "{\"runId\": ");

        var result = await CliRunner.RunAsync("validate", runFolder);

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("_manifest.json", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stdout + result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("JsonException", result.Stdout + result.Stderr, StringComparison.Ordinal);
    }
}
