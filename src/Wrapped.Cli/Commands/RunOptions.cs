using System.CommandLine;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Commands;

/// <summary>The run-shaping options <c>simulate</c> and <c>run</c> share.</summary>
internal sealed class RunOptions
{
    public Option<int> Users { get; } = CommonOptions.Positive("--users", "Number of fake users", 1000);
    public Option<DateOnly?> Start { get; } = CommonOptions.Date("--start", "First simulated day; default 1 January of this year");
    public Option<DateOnly?> End { get; } = CommonOptions.Date("--end", "Last simulated day, included; default yesterday (UTC)");
    public Option<long> Seed { get; } = CommonOptions.Seed();
    public Option<string> Output { get; } = new("--out") { Description = "Folder the run is written under (as runs/{runId}/)", DefaultValueFactory = _ => "out" };
    public Option<int?> PartSize { get; } = CommonOptions.OptionalPositive("--part-size",
        "Users per output file; part of the run's definition. Default: the users in about 8 parts, 250 to 2,500 each");
    public Option<int> BatchSize { get; } = CommonOptions.Positive("--batch-size", "Users per unit of work, rounded up to whole parts; never changes the output", RunSchedule.Default.BatchSize);
    public Option<int> Parallelism { get; } = CommonOptions.Positive("--parallelism", "Units of work in flight at once; never changes the output", RunSchedule.Default.Parallelism);
    public Option<string> Codec { get; } = new("--codec") { Description = "Avro codec: deflate (fastest level), deflate:optimal or null", DefaultValueFactory = _ => "deflate" };
    public Option<string?> RunId { get; } = new("--run-id") { Description = "Name of the run; default derived from the inputs and parameters" };
    public Option<bool> Json { get; } = CommonOptions.Json();

    public IEnumerable<Option> All => [Users, Start, End, Seed, Output, PartSize, BatchSize, Parallelism, Codec, RunId, Json];
}
