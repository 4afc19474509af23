using Wrapped.Cli.Commands;
using Wrapped.Core.Avro;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Cli.Output;

/// <summary>Turns what went wrong into an exit code and one line a user can act on.</summary>
public static class CommandFailure
{
    public const string InterruptedMessage = "interrupted; run the same command to resume";

    /// <param name="report">Where a rejection's report was written, to say so.</param>
    public static (int ExitCode, string Message) Describe(Exception exception, string? report = null) => exception switch
    {
        InputRejectedException rejected => (ExitCodes.InputRejected, $"input rejected: {rejected.Message}{(report is null ? "" : $" (report: {report})")}"),
        FeedInputException { Problems.Count: > 0 } invalid => (ExitCodes.InputRejected, ParameterProblem.Describe(invalid.Problems, RunOptions.OptionFor) + "."),
        FeedInputException input => (ExitCodes.InputRejected, input.Message),
        FeedSchemaMismatchException mismatch => (ExitCodes.InputRejected, mismatch.Message),
        // A damaged file of the run (the decoders name it, its block and what is wrong).
        InvalidDataException damaged => (ExitCodes.InputRejected, $"{FirstLine(damaged.Message)} Run validate on the run to list every damaged file."),
        UnauthorizedAccessException denied => (ExitCodes.InputRejected, $"permission denied: {FirstLine(denied.Message)}"),
        // A file the command was pointed at, or that a run it resumes needs, is not there.
        FileNotFoundException or DirectoryNotFoundException => (ExitCodes.InputRejected, FirstLine(exception.Message)),
        OperationCanceledException => (ExitCodes.Interrupted, InterruptedMessage),
        _ => (ExitCodes.Failed, $"failed: {exception.GetType().Name}: {FirstLine(exception.Message)}"),
    };

    /// <summary>Some libraries put their inner exceptions' traces into the message; one line is what a user reads.</summary>
    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
