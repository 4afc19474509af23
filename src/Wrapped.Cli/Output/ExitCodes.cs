namespace Wrapped.Cli.Output;

public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int InputRejected = 2;
}
