using System.Text;
using System.Text.Json;
using Wrapped.Core.Feed;

namespace Wrapped.Cli.Output;

/// <summary>
/// What a verb prints: a readable summary, or with <c>--json</c> exactly one JSON object on stdout (errors included),
/// so scripts can parse it. Diagnostics go to stderr either way.
/// </summary>
public sealed class CommandOutput(TextWriter stdout, TextWriter stderr, bool json)
{
    public bool Json => json;

    public TextWriter Error => stderr;

    public void Summary(object result, Action<TextWriter> readable)
    {
        if (json) stdout.WriteLine(Encoding.UTF8.GetString(FeedJson.Serialize(result)));
        else readable(stdout);
    }

    /// <param name="report">Where a rejection's report was written, to say so.</param>
    public int Fail(Exception exception, string? report = null)
    {
        var (exitCode, message) = CommandFailure.Describe(exception, report);
        return Fail(exitCode, message);
    }

    /// <summary>One line on stderr, <c>wrapped: …</c>; with <c>--json</c> also one JSON object on stdout.</summary>
    public int Fail(int exitCode, string message)
    {
        if (json)
        {
            var status = exitCode switch
            {
                ExitCodes.InputRejected => "rejected",
                ExitCodes.Interrupted => "interrupted",
                _ => "failed",
            };
            stdout.WriteLine(JsonSerializer.Serialize(new { status, exitCode, error = message }, FeedJson.Options));
        }
        stderr.WriteLine($"wrapped: {message}");
        return exitCode;
    }
}
