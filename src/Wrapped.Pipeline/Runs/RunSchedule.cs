using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// How a run is scheduled, never what it produces: the same run gives the same bytes for any batch size and parallelism.
/// </summary>
/// <param name="BatchSize">Users per unit of work (an activity, or a task locally), rounded up to whole parts.</param>
/// <param name="Parallelism">Units of work in flight at once.</param>
public sealed record RunSchedule(int BatchSize, int Parallelism)
{
    /// <summary>The run's parts grouped into batches of whole parts, in part order.</summary>
    public IReadOnlyList<int[]> Batches(int partCount, int partSize) =>
        Enumerable.Range(0, partCount).Chunk(PartsPerBatch(partSize)).ToList();

    /// <summary>Every problem with this schedule for <paramref name="parameters"/>, named as the request's JSON names them.</summary>
    public IReadOnlyList<ParameterProblem> Problems(RunParameters parameters)
    {
        var problems = new List<ParameterProblem>();
        if (BatchSize is < 1 or > RunLimits.MaxUsers) problems.Add(new("batchSize", RunParameters.OutOfRange(1, RunLimits.MaxUsers, BatchSize)));
        if (Parallelism is < 1 or > RunLimits.MaxParallelBatches)
            problems.Add(new("maxParallelBatches", RunParameters.OutOfRange(1, RunLimits.MaxParallelBatches, Parallelism)));
        // Only once users and parts are within their own bounds: a wrong users count is one problem, not three.
        if (BatchSize >= 1 && parameters.PartSize is >= 1 and <= RunLimits.MaxPartSize && parameters.Users is >= 1 and <= RunLimits.MaxUsers
            && parameters.PartCount <= RunLimits.MaxParts)
        {
            var batches = (parameters.PartCount + (long)PartsPerBatch(parameters.PartSize) - 1) / PartsPerBatch(parameters.PartSize);
            if (batches > RunLimits.MaxBatches)
                problems.Add(new("batchSize", $"gives {batches:N0} batches; a run has at most {RunLimits.MaxBatches:N0}: use at least {(parameters.Users + (long)RunLimits.MaxBatches - 1) / RunLimits.MaxBatches:N0} users a batch"));
        }
        return problems;
    }

    private int PartsPerBatch(int partSize) => Math.Max(1, (int)Math.Ceiling(BatchSize / (double)partSize));
}
