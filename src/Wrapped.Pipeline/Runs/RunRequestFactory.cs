using System.Globalization;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// The one place a run request is built and checked, whoever asks: the command line (<c>run</c>, <c>simulate</c>,
/// <c>run --durable</c>), <c>POST /api/runs</c>, an upload with its <c>run.json</c>, and the nightly timer. What the
/// caller leaves out comes from <see cref="FeedDefaults"/>, the dates from <see cref="RunCalendar"/>, the run id from
/// <see cref="RunIdentity"/>; every rule of <see cref="RunParameters.Problems"/>, <see cref="RunSchedule.Problems"/>
/// and the latest end is applied, and all problems are reported at once.
/// </summary>
public sealed class RunRequestFactory(FeedDefaults defaults, TimeProvider clock)
{
    /// <summary>A valid run id, standing in until the inputs' checksums are known.</summary>
    private const string PendingRunId = "pending";

    /// <summary>The latest day a run may end on now.</summary>
    public DateOnly LatestEnd => RunCalendar.LatestEnd(clock.GetUtcNow());

    /// <summary>
    /// Refuses a request before its inputs are read (hashing real inputs takes seconds), with every problem.
    /// </summary>
    /// <exception cref="FeedInputException">The request breaks a rule; <see cref="FeedInputException.Problems"/> says which.</exception>
    public void ThrowIfInvalid(string dataset, RunRequestOverrides overrides, string? runId = null)
    {
        var (parameters, schedule) = Draft(dataset, overrides, runId);
        ThrowIfAny(ProblemsOf(parameters, schedule, LatestEnd));
    }

    /// <summary>The run asked for, the rest from the defaults, named by <paramref name="runId"/> or derived from the inputs and parameters.</summary>
    /// <exception cref="FeedInputException">The request breaks a rule; <see cref="FeedInputException.Problems"/> says which.</exception>
    public FeedRunRequest Create(
        string dataset, RunRequestOverrides overrides, InputFiles inputs, IReadOnlyList<ManifestInput> fingerprints, string? runId = null)
    {
        var (draft, schedule) = Draft(dataset, overrides, runId);
        ThrowIfAny(ProblemsOf(draft, schedule, LatestEnd));
        var parameters = runId is null ? draft with { RunId = RunIdentity.DeriveRunId(draft.Dataset, fingerprints, draft) } : draft;
        return new FeedRunRequest(parameters, inputs, fingerprints, parameters.Start, parameters.End, schedule.BatchSize, schedule.Parallelism);
    }

    /// <summary>
    /// A recorded run extended through <paramref name="through"/>, simulating from <paramref name="from"/> (the day
    /// after its finished end), scheduled with the defaults.
    /// </summary>
    /// <exception cref="FeedInputException">The extension breaks a rule (e.g. it would end after <see cref="LatestEnd"/>).</exception>
    public FeedRunRequest Extend(RunDefinition definition, DateOnly from, DateOnly through)
    {
        var parameters = definition.Parameters with { End = through };
        var schedule = new RunSchedule(defaults.BatchSize, defaults.MaxParallelBatches);
        ThrowIfAny(ProblemsOf(parameters, schedule, LatestEnd));
        return new FeedRunRequest(parameters, InputFiles.InFolder(parameters.Dataset), definition.Inputs, from, through, schedule.BatchSize, schedule.Parallelism);
    }

    /// <summary>
    /// Every rule a run and its schedule must follow, named by the request's JSON names. <paramref name="latestEnd"/>
    /// is null only where a run already accepted is carried on (the local runner, which has no clock of its own).
    /// </summary>
    public static IReadOnlyList<ParameterProblem> ProblemsOf(RunParameters parameters, RunSchedule schedule, DateOnly? latestEnd)
    {
        var problems = parameters.Problems().Concat(schedule.Problems(parameters)).ToList();
        if (latestEnd is { } latest && parameters.End > latest)
        {
            problems.Add(new ParameterProblem("end", string.Create(CultureInfo.InvariantCulture,
                $"must not be after {latest:yyyy-MM-dd}, {RunCalendar.DefaultEndDescription}: no event is ever in the future (got {parameters.End:yyyy-MM-dd})")));
        }
        return problems;
    }

    /// <exception cref="FeedInputException">Any problem.</exception>
    public static void ThrowIfAny(IReadOnlyList<ParameterProblem> problems)
    {
        if (problems.Count > 0) throw new FeedInputException(problems);
    }

    private (RunParameters Parameters, RunSchedule Schedule) Draft(string dataset, RunRequestOverrides overrides, string? runId)
    {
        var end = overrides.End ?? LatestEnd;
        var users = overrides.Users ?? defaults.Users;
        var parameters = new RunParameters
        {
            RunId = runId ?? PendingRunId,
            Dataset = dataset,
            Users = users,
            Start = overrides.Start ?? RunCalendar.DefaultStart(end),
            End = end,
            Seed = overrides.Seed ?? defaults.Seed,
            PartSize = overrides.PartSize ?? defaults.PartSize ?? RunParameters.DefaultPartSizeFor(users),
            Clusters = overrides.Clusters ?? defaults.Clusters,
            Codec = overrides.Codec ?? defaults.Codec,
            Daily = overrides.Daily ?? defaults.Daily,
        };
        return (parameters, new RunSchedule(overrides.BatchSize ?? defaults.BatchSize, overrides.MaxParallelBatches ?? defaults.MaxParallelBatches));
    }
}
