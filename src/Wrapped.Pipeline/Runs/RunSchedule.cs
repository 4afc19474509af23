using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// How a run is scheduled, never what it produces: the same run gives the same bytes for any batch size and parallelism.
/// </summary>
/// <param name="BatchSize">Users per unit of work (an activity, or a task locally), rounded up to whole parts.</param>
/// <param name="Parallelism">Units of work in flight at once.</param>
public sealed record RunSchedule(int BatchSize, int Parallelism)
{
    /// <summary>Users per unit of work when none is given: rounded up to whole parts, one part a batch by default.</summary>
    public const int DefaultBatchSize = RunParameters.MinDefaultPartSize;

    public static RunSchedule Default { get; } = new(DefaultBatchSize, Environment.ProcessorCount);

    /// <summary>The run's parts grouped into batches of whole parts, in part order.</summary>
    public IReadOnlyList<int[]> Batches(int partCount, int partSize)
    {
        var partsPerBatch = Math.Max(1, (int)Math.Ceiling(BatchSize / (double)partSize));
        return Enumerable.Range(0, partCount).Chunk(partsPerBatch).ToList();
    }

    /// <summary>Refuses to start a run whose parameters or schedule are invalid, naming every problem at once.</summary>
    public void ThrowIfInvalid(RunParameters parameters)
    {
        var problems = parameters.Problems().Concat(Problems()).ToList();
        if (problems.Count > 0) throw new Steps.FeedInputException("Invalid parameters: " + string.Join(" ", problems));
    }

    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (BatchSize <= 0) problems.Add($"batch size must be at least 1 (got {BatchSize}).");
        if (Parallelism <= 0) problems.Add($"parallelism must be at least 1 (got {Parallelism}).");
        return problems;
    }
}
