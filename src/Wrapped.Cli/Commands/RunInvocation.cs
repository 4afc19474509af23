using System.CommandLine;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Commands;

internal static class RunInvocation
{
    public static RunParameters Parameters(ParseResult parse, RunOptions options, string dataset, IReadOnlyList<ManifestInput> inputs)
    {
        var end = parse.GetValue(options.End) ?? CommonOptions.Yesterday;
        var start = parse.GetValue(options.Start) ?? new DateOnly(end.Year, 1, 1);
        var users = parse.GetValue(options.Users);
        var parameters = new RunParameters
        {
            RunId = "pending",
            Dataset = RunIdentity.Slug(dataset),
            Users = users,
            Start = start,
            End = end,
            Seed = parse.GetValue(options.Seed),
            PartSize = parse.GetValue(options.PartSize) ?? RunParameters.DefaultPartSizeFor(users),
            Codec = parse.GetValue(options.Codec)!,
        };
        var runId = parse.GetValue(options.RunId);
        return parameters with { RunId = runId is null ? InputFingerprints.DeriveRunId(parameters.Dataset, inputs, parameters) : RunIdentity.Validate(runId) };
    }

    public static RunSchedule Schedule(ParseResult parse, RunOptions options) =>
        new(parse.GetValue(options.BatchSize), parse.GetValue(options.Parallelism));
}
