using System.CommandLine;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Commands;

internal static class RunInvocation
{
    /// <param name="clusters">The k-means k, for the verbs that prepare a catalog; part of the run id like every other parameter.</param>
    public static RunParameters Parameters(ParseResult parse, RunOptions options, string dataset, IReadOnlyList<ManifestInput> inputs, int? clusters = null)
    {
        var overrides = new RunRequestOverrides(
            Users: parse.GetValue(options.Users),
            Start: parse.GetValue(options.Start),
            End: parse.GetValue(options.End),
            Seed: parse.GetValue(options.Seed),
            PartSize: parse.GetValue(options.PartSize),
            // A run from the command line is extended by running it again with a later end, not by a timer.
            Daily: false,
            Codec: parse.GetValue(options.Codec),
            Clusters: clusters);
        var parameters = overrides.ToParameters(dataset, CliDefaults, CommonOptions.Yesterday, inputs);
        var runId = parse.GetValue(options.RunId);
        return runId is null ? parameters : parameters with { RunId = RunIdentity.Validate(runId) };
    }

    // Every value a run needs has a default on its option already, or in FeedDefaults where a verb has no such option.
    private static readonly FeedDefaults CliDefaults = new();

    public static RunSchedule Schedule(ParseResult parse, RunOptions options) =>
        new(parse.GetValue(options.BatchSize), parse.GetValue(options.Parallelism));
}
