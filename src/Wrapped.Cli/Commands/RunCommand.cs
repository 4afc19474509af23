using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary><c>run</c>: the whole feed from the three CSVs (the bundled sample by default) to <c>_SUCCESS</c>.</summary>
internal static class RunCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptions();
        var input = new Option<string>("--input") { Description = "Folder holding tracks.csv, tracks_extended.csv and artists.csv; default the bundled sample", DefaultValueFactory = _ => CommonOptions.BundledSampleFolder };
        var dataset = new Option<string?>("--dataset") { Description = "Name of the dataset, the first part of the run id; default the input folder's name" };
        var clusters = CommonOptions.Positive("--clusters", "k of the audio-feature k-means", 3);
        var command = new Command("run", "Prepare the catalog, generate users and simulate their listening, end to end.") { input, dataset, clusters };
        foreach (var option in options.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(options.Json));
            try
            {
                var folder = CommonOptions.ExistingFolder(parse.GetValue(input)!, "input");
                var sources = new CatalogSources(
                    CommonOptions.ExistingCsv(Path.Combine(folder, "tracks.csv"), "tracks"),
                    CommonOptions.ExistingCsv(Path.Combine(folder, "tracks_extended.csv"), "tracks_extended"),
                    CommonOptions.ExistingCsv(Path.Combine(folder, "artists.csv"), "artists"));
                var inputs = await InputFingerprints.ComputeAsync(sources, cancellationToken);
                var name = parse.GetValue(dataset) ?? new DirectoryInfo(folder).Name;
                var parameters = RunInvocation.Parameters(parse, options, name, inputs) with { Clusters = parse.GetValue(clusters) };
                var store = new LocalFeedStore(parse.GetValue(options.Output)!);
                var outcome = await ProgressDisplay.RunAsync(console.Json, stderr, progress =>
                    LocalFeedRunner.RunFromCsvAsync(store, parameters, sources, inputs, RunInvocation.Schedule(parse, options), progress, cancellationToken));
                var summary = RunSummary.From(outcome, parse.GetValue(options.Output)!);
                console.Summary(summary, summary.Write);
                return ExitCodes.Done;
            }
            catch (Exception e)
            {
                return console.Fail(e);
            }
        });
        return command;
    }
}
