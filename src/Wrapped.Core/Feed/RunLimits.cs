namespace Wrapped.Core.Feed;

/// <summary>
/// Upper bounds on what one run may ask for, whoever asks (command line, HTTP, <c>run.json</c>, timer). Each keeps a
/// mistyped number from starting work nobody wants: a year of ten million users is already about 124 billion events.
/// </summary>
public static class RunLimits
{
    public const int MaxUsers = 10_000_000;

    /// <summary>Ten years, leap days included.</summary>
    public const int MaxDays = 3_653;

    /// <summary>Users in one file: a part's users and their state are held in memory by the worker writing it.</summary>
    public const int MaxPartSize = 100_000;

    /// <summary>Files per day: more would only make readers list and open more small files.</summary>
    public const int MaxParts = 10_000;

    public const int MaxClusters = 100;

    /// <summary>Units of work of one run: each is a Durable activity whose history the orchestrator replays.</summary>
    public const int MaxBatches = 5_000;

    public const int MaxParallelBatches = 256;
}
