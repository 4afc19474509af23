namespace Wrapped.Core.Feed;

/// <summary>
/// The one home of every default of a run. The Function app's configuration (<c>FeedDefaults</c>) starts from these,
/// the command line's options show them in their help, and the README's options table is kept equal to that help by a
/// test. The dates' defaults are <see cref="RunCalendar"/>'s, the part size's <see cref="RunParameters.DefaultPartSizeFor"/>.
/// </summary>
public static class RunDefaults
{
    public const int Users = 1000;
    public const long Seed = 42;
    public const int Clusters = 3;
    public const string Codec = "deflate";

    /// <summary>Users per unit of work, rounded up to whole parts: one part a batch for small runs.</summary>
    public const int BatchSize = RunParameters.MinDefaultPartSize;

    /// <summary>Batches a Durable run keeps in flight. The command line keeps one per processor instead.</summary>
    public const int MaxParallelBatches = 8;
}
