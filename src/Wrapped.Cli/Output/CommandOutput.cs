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

    public int Fail(Exception exception)
    {
        var (exitCode, message) = CommandFailure.Describe(exception);
        if (json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { status = exitCode == ExitCodes.InputRejected ? "rejected" : "failed", exitCode, error = message }, FeedJson.Options));
        }
        stderr.WriteLine($"wrapped: {message}");
        return exitCode;
    }
}
