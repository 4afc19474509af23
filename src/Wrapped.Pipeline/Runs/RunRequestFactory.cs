using System.Globalization;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// The one place a run request is built and checked, whoever asks: the command line (<c>run</c>, <c>simulate</c>,
/// <c>run --durable</c>), <c>POST /api/runs</c>, an upload with its <c>run.json</c>, and the nightly timer. What the
/// caller leaves out comes from <see cref="FeedDefaults"/>, the dates from <see cref="RunCalendar"/>, the run id from
/// <see cref="RunIdentity"/>; every rule of <see cref="RunParameters.Problems"/>, <see cref="RunSchedule.Problems"/>
/// and the latest end (which depends on the listening model's time zones) is applied, and all problems are reported at once.
/// </summary>
/// <param name="modelFiles">
/// Whether <c>model</c> may name a model file as well as a preset: on the command line, where the file is the user's;
/// never over HTTP or in a <c>run.json</c>, where a path would name a file of the server.
/// </param>
public sealed class RunRequestFactory(FeedDefaults defaults, TimeProvider clock, bool modelFiles = false)
{
    /// <summary>A valid run id, standing in until the inputs' checksums are known.</summary>
    private const string PendingRunId = "pending";

    /// <summary>The latest day a run of <paramref name="model"/> may end on now.</summary>
    public DateOnly LatestEndOf(ListeningModel model) => RunCalendar.LatestEnd(clock.GetUtcNow(), model);

    /// <summary>The listening model <paramref name="overrides"/> names, or the default one.</summary>
    /// <exception cref="FeedInputException">No such preset (or, where files are allowed, no such file), or a model file that is not valid.</exception>
    public ListeningModel ModelOf(RunRequestOverrides overrides)
    {
        var name = overrides.Model ?? defaults.Model;
        if (!modelFiles && !ListeningModel.PresetNames.Contains(name, StringComparer.Ordinal))
        {
            throw new FeedInputException([new ParameterProblem("model", $"must be a preset: {string.Join(" or ", ListeningModel.PresetNames)} " +
                $"(got '{name}'); a model file can be given to the command line's --model, not named here, where a path would be a file of the server")]);
        }
        try
        {
            return RunModels.Remember(ListeningModel.Load(name));
        }
        catch (ListeningModelException e)
        {
            throw new FeedInputException(e.Message, e);
        }
    }

    /// <summary>
    /// Refuses a request before its inputs are read (hashing real inputs takes seconds), with every problem.
    /// </summary>
    /// <exception cref="FeedInputException">The request breaks a rule; <see cref="FeedInputException.Problems"/> says which.</exception>
    public void ThrowIfInvalid(string dataset, RunRequestOverrides overrides, string? runId = null)
    {
        var model = ModelOf(overrides);
        var (parameters, schedule) = Draft(dataset, overrides, runId, model);
        ThrowIfAny(ProblemsOf(parameters, schedule, model, LatestEndOf(model)));
    }

    /// <summary>The run asked for, the rest from the defaults, named by <paramref name="runId"/> or derived from the inputs and parameters.</summary>
    /// <exception cref="FeedInputException">The request breaks a rule; <see cref="FeedInputException.Problems"/> says which.</exception>
    public FeedRunRequest Create(
        string dataset, RunRequestOverrides overrides, InputFiles inputs, IReadOnlyList<ManifestInput> fingerprints, string? runId = null)
    {
        var model = ModelOf(overrides);
        var (draft, schedule) = Draft(dataset, overrides, runId, model);
        ThrowIfAny(ProblemsOf(draft, schedule, model, LatestEndOf(model)));
        var parameters = runId is null ? draft with { RunId = RunIdentity.DeriveRunId(draft.Dataset, fingerprints, draft) } : draft;
        var modelText = ListeningModel.PresetNames.Any(p => ListeningModel.Preset(p).Hash == model.Hash) ? null : model.Text;
        return new FeedRunRequest(parameters, inputs, fingerprints, parameters.Start, parameters.End, schedule.BatchSize, schedule.Parallelism, ModelText: modelText);
    }

    /// <summary>
    /// A recorded run extended through <paramref name="through"/>, simulating from <paramref name="from"/> (the day
    /// after its finished end), scheduled with the defaults. <paramref name="model"/> is the run's own (its <c>_model.json</c>).
    /// </summary>
    /// <exception cref="FeedInputException">The extension breaks a rule (e.g. it would end after <see cref="LatestEndOf"/>).</exception>
    public FeedRunRequest Extend(RunDefinition definition, ListeningModel model, DateOnly from, DateOnly through)
    {
        var parameters = definition.Parameters with { End = through };
        var schedule = new RunSchedule(defaults.BatchSize, defaults.MaxParallelBatches);
        ThrowIfAny(ProblemsOf(parameters, schedule, model, LatestEndOf(model)));
        return new FeedRunRequest(parameters, InputFiles.InFolder(parameters.Dataset), definition.Inputs, from, through, schedule.BatchSize, schedule.Parallelism);
    }

    /// <summary>
    /// Every rule a run and its schedule must follow, named by the request's JSON names. <paramref name="latestEnd"/>
    /// (the latest end for <paramref name="model"/>) is null only where a run already accepted is carried on (the local
    /// runner, which has no clock of its own).
    /// </summary>
    public static IReadOnlyList<ParameterProblem> ProblemsOf(RunParameters parameters, RunSchedule schedule, ListeningModel? model = null, DateOnly? latestEnd = null)
    {
        var problems = parameters.Problems().Concat(schedule.Problems(parameters)).ToList();
        if (model is not null && latestEnd is { } latest && parameters.End > latest)
        {
            problems.Add(new ParameterProblem("end", string.Create(CultureInfo.InvariantCulture,
                $"must not be after {latest:yyyy-MM-dd}, the latest day that has ended in every time zone of the model ({RunCalendar.LatestEndReason(model, latest)}): no event is ever in the future (got {parameters.End:yyyy-MM-dd})")));
        }
        return problems;
    }

    /// <exception cref="FeedInputException">Any problem.</exception>
    public static void ThrowIfAny(IReadOnlyList<ParameterProblem> problems)
    {
        if (problems.Count > 0) throw new FeedInputException(problems);
    }

    private (RunParameters Parameters, RunSchedule Schedule) Draft(string dataset, RunRequestOverrides overrides, string? runId, ListeningModel model)
    {
        var end = overrides.End ?? LatestEndOf(model);
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
        }.WithModel(model);
        return (parameters, new RunSchedule(overrides.BatchSize ?? defaults.BatchSize, overrides.MaxParallelBatches ?? defaults.MaxParallelBatches));
    }
}
