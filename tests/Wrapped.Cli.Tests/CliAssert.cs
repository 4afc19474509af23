namespace Wrapped.Cli.Tests;

internal static class CliAssert
{
    /// <summary>Rejected input: exit 2 and exactly one line on stderr, <c>wrapped: …</c>, with no stack trace.</summary>
    public static string OneLineRejection(CliResult result)
    {
        Assert.True(result.ExitCode == 2, result.ToString());
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.True(lines.Length == 1, $"expected one line on stderr:\n{result}");
        Assert.StartsWith("wrapped: ", lines[0], StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Stderr + result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", lines[0], StringComparison.Ordinal);
        return lines[0];
    }
}
