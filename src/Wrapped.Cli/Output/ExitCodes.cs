namespace Wrapped.Cli.Output;

public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int InputRejected = 2;

    /// <summary>128 + SIGINT, what shells report for a command stopped by Ctrl-C.</summary>
    public const int Interrupted = 130;
}
