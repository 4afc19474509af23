using System.CommandLine;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Commands;

/// <summary>The run-shaping options <c>simulate</c> and <c>run</c> share, with their defaults in the help.</summary>
internal sealed class RunOptions
{
    private static readonly FeedDefaults Defaults = CommonOptions.Defaults;

    public Option<int> Users { get; } = CommonOptions.Int("--users", "Number of fake users", Defaults.Users);
    public Option<DateOnly?> Start { get; } = CommonOptions.Date("--start", $"First simulated day (yyyy-MM-dd); default: {RunCalendar.DefaultStartDescription}");
    public Option<DateOnly?> End { get; } = CommonOptions.Date("--end",
        $"Last simulated day, included (yyyy-MM-dd); never later, so no event is in the future (yesterday UTC for the reference model; with realistic, the day Honolulu finished at 10:00 UTC); default: {RunCalendar.DefaultEndDescription}");
    public Option<long> Seed { get; } = CommonOptions.Seed();
    public Option<string> Output { get; } = new("--out") { Description = "Folder the run is written under (as runs/{runId}/)", DefaultValueFactory = _ => "out" };
    public Option<int?> PartSize { get; } = CommonOptions.OptionalInt("--part-size",
        $"Users per output file; part of the run's definition; default: {RunParameters.DefaultPartSizeDescription}");
    public Option<int> BatchSize { get; } = CommonOptions.Int("--batch-size", "Users per unit of work, rounded up to whole parts; never changes the output", Defaults.BatchSize);
    public Option<int?> Parallelism { get; } = CommonOptions.OptionalInt("--parallelism", "Units of work in flight at once; never changes the output; default: processor count");
    public Option<string> Codec { get; } = new("--codec") { Description = "Avro codec: deflate (fastest level), deflate:optimal or null", DefaultValueFactory = _ => Defaults.Codec };
    public Option<string> Model { get; } = new("--model")
    {
        Description = $"Listening model: a preset ({string.Join(" or ", Core.Simulation.Model.ListeningModel.PresetNames)}) or a model file (JSON, see listening-model.schema.json)",
        DefaultValueFactory = _ => Defaults.Model,
    };
    public Option<string?> RunId { get; } = CommonOptions.Name("--run-id", "Name of the run; default: derived from the inputs and parameters", RunIdentity.RunIdProblem);
    public Option<bool> Json { get; } = CommonOptions.Json();

    public IEnumerable<Option> All => [Users, Start, End, Seed, Model, Output, PartSize, BatchSize, Parallelism, Codec, RunId, Json];

    /// <summary>
    /// The option a run parameter is set with, to name a problem found by <see cref="RunRequestFactory"/> (which names
    /// parameters as the HTTP API does) in the command line's own words.
    /// </summary>
    public static string OptionFor(string parameter) => parameter switch
    {
        "partSize" => "--part-size",
        "batchSize" => "--batch-size",
        "maxParallelBatches" => "--parallelism",
        "runId" => "--run-id",
        _ => "--" + parameter,
    };

    /// <summary>What the options ask for; <paramref name="clusters"/> for the verbs that prepare a catalog.</summary>
    public RunRequestOverrides Overrides(ParseResult parse, int? clusters = null) => new(
        Users: parse.GetValue(Users),
        Start: parse.GetValue(Start),
        End: parse.GetValue(End),
        Seed: parse.GetValue(Seed),
        BatchSize: parse.GetValue(BatchSize),
        PartSize: parse.GetValue(PartSize),
        MaxParallelBatches: parse.GetValue(Parallelism),
        Codec: parse.GetValue(Codec),
        Clusters: clusters,
        Model: parse.GetValue(Model));

    public static RunSchedule ScheduleOf(Pipeline.Orchestration.FeedRunRequest request) => new(request.BatchSize, request.MaxParallelBatches);
}
