using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.DurableHost.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary><c>run</c>: the whole feed from the three CSVs (the bundled sample by default) to <c>_SUCCESS</c>.</summary>
internal static class RunCommand
{
    /// <summary>Environment variable with a storage connection string for <c>--durable</c> (kept off the command line, where it would leak into shell history).</summary>
    public const string DurableStorageVariable = "WRAPPED_DURABLE_STORAGE";

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptions();
        var input = new Option<string>("--input") { Description = "Folder holding tracks.csv, tracks_extended.csv and artists.csv; default the bundled sample", DefaultValueFactory = _ => CommonOptions.BundledSampleFolder };
        var dataset = new Option<string?>("--dataset") { Description = "Name of the dataset, the first part of the run id; default the input folder's name" };
        var clusters = CommonOptions.Positive("--clusters", "k of the audio-feature k-means", 3);
        var durable = new Option<bool>("--durable")
        {
            Description = $"Run the Function app's orchestration on the Durable Task engine (Azure Storage backend); uses ${DurableStorageVariable} if set, else starts a private Azurite",
        };
        var command = new Command("run", "Prepare the catalog, generate users and simulate their listening, end to end.") { input, dataset, clusters, durable };
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
                var parameters = RunInvocation.Parameters(parse, options, name, inputs, parse.GetValue(clusters));
                var outputFolder = parse.GetValue(options.Output)!;
                var store = new LocalFeedStore(outputFolder);
                var schedule = RunInvocation.Schedule(parse, options);
                var outcome = await ProgressDisplay.RunAsync(console.Json, stderr, progress => parse.GetValue(durable)
                    ? RunDurableAsync(folder, store, parameters, inputs, schedule, progress, cancellationToken)
                    : LocalFeedRunner.RunFromCsvAsync(store, parameters, sources, inputs, schedule, progress, cancellationToken));
                var summary = RunSummary.From(outcome, outputFolder);
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

    private static Task<RunOutcome> RunDurableAsync(
        string inputFolder, LocalFeedStore output, RunParameters parameters, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule,
        IProgress<RunProgress> progress, CancellationToken cancellationToken)
    {
        schedule.ThrowIfInvalid(parameters);
        var stores = new FeedStores(new LocalFeedStore(inputFolder), output);
        var request = new FeedRunRequest(parameters, InputFiles.InFolder(""), inputs, parameters.Start, parameters.End,
            schedule.BatchSize, schedule.Parallelism);
        var options = new DurableRunOptions(
            Environment.GetEnvironmentVariable(DurableStorageVariable),
            Path.Combine(output.Description, ".azurite"),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return DurableFeedRunner.RunAsync(stores, request, options, progress, cancellationToken);
    }
}
