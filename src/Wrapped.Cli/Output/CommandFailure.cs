using Wrapped.Core.Avro;
using Wrapped.Core.Csv;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Cli.Output;

/// <summary>Turns what went wrong into an exit code and one line a user can act on.</summary>
public static class CommandFailure
{
    public static (int ExitCode, string Message) Describe(Exception exception) => exception switch
    {
        InputRejectedException rejected => (ExitCodes.InputRejected, $"input rejected: {rejected.Message}"),
        FeedInputException input => (ExitCodes.InputRejected, input.Message),
        FeedSchemaMismatchException mismatch => (ExitCodes.InputRejected, mismatch.Message),
        OperationCanceledException => (ExitCodes.Failed, "cancelled."),
        _ => (ExitCodes.Failed, $"failed: {exception.GetType().Name}: {exception.Message}"),
    };
}
