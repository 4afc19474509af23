using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.DurableHost.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
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
        var input = new Option<string?>("--input") { Description = "Folder holding tracks.csv, tracks_extended.csv and artists.csv; default: the bundled samples/" };
        var dataset = CommonOptions.Name("--dataset", "Name of the dataset, the first part of the run id; default: the input folder's name", RunIdentity.DatasetProblem);
        var clusters = CommonOptions.Int("--clusters", "k of the audio-feature k-means", CommonOptions.Defaults.Clusters);
        var durable = new Option<bool>("--durable")
        {
            Description = $"Run the Function app's orchestration on the Durable Task engine (Azure Storage backend); uses ${DurableStorageVariable} if set, else starts a private Azurite",
        };
        var command = new Command("run", "Prepare the catalog, generate users and simulate their listening, end to end.") { input, dataset, clusters, durable };
        foreach (var option in options.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(options.Json));
            string? report = null;
            try
            {
                var folder = parse.GetValue(input) ?? CommonOptions.BundledSampleFolder;
                var name = parse.GetValue(dataset) ?? RunIdentity.Slug(new DirectoryInfo(folder).Name);
                var overrides = options.Overrides(parse, parse.GetValue(clusters));
                var runId = parse.GetValue(options.RunId);
                CommonOptions.Requests.ThrowIfInvalid(name, overrides, runId);
                var outputFolder = CommonOptions.OutputFolder(parse.GetValue(options.Output)!);
                CommonOptions.ExistingFolder(folder, "input");
                var sources = new CatalogSources(
                    CommonOptions.ExistingCsv(Path.Combine(folder, "tracks.csv"), "tracks"),
                    CommonOptions.ExistingCsv(Path.Combine(folder, "tracks_extended.csv"), "tracks_extended"),
                    CommonOptions.ExistingCsv(Path.Combine(folder, "artists.csv"), "artists"));
                var inputs = await InputFingerprints.ComputeAsync(sources, cancellationToken);
                var request = CommonOptions.Requests.Create(name, overrides, InputFiles.InFolder(""), inputs, runId);
                DiskRoom.EnsureFor(request, outputFolder, stderr);
                var store = new LocalFeedStore(outputFolder);
                report = FeedStoreExtensions.Where(store, new FeedLayout(request.Parameters.RunId).Report);
                var outcome = await ProgressDisplay.RunAsync(console.Json, stderr, progress => parse.GetValue(durable)
                    ? RunDurableAsync(folder, store, request, progress, cancellationToken)
                    : LocalFeedRunner.RunFromCsvAsync(store, request.Parameters, sources, inputs, RunOptions.ScheduleOf(request), progress, cancellationToken));
                var summary = RunSummary.From(outcome, outputFolder);
                console.Summary(summary, summary.Write);
                return ExitCodes.Done;
            }
            catch (Exception e)
            {
                return console.Fail(e, e is InputRejectedException ? report : null);
            }
        });
        return command;
    }

    private static Task<RunOutcome> RunDurableAsync(
        string inputFolder, LocalFeedStore output, FeedRunRequest request, IProgress<RunProgress> progress, CancellationToken cancellationToken)
    {
        var stores = new FeedStores(new LocalFeedStore(inputFolder), output);
        var options = new DurableRunOptions(
            Environment.GetEnvironmentVariable(DurableStorageVariable),
            Path.Combine(output.Description, ".azurite"),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return DurableFeedRunner.RunAsync(stores, request, options, progress, cancellationToken);
    }
}
