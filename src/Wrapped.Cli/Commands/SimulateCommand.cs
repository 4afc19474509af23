using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary><c>simulate</c>: users and listening events over a catalog made by <c>prepare</c>.</summary>
internal static class SimulateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var options = new RunOptions();
        var catalog = new Option<string>("--catalog") { Description = "Folder written by prepare --out", Required = true };
        var command = new Command("simulate", "Generate users and simulate their listening over a prepared catalog.") { catalog };
        foreach (var option in options.All) command.Options.Add(option);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(options.Json));
            try
            {
                var catalogFolder = parse.GetValue(catalog)!;
                var dataset = RunIdentity.Slug(new DirectoryInfo(catalogFolder).Name);
                var overrides = options.Overrides(parse);
                var runId = parse.GetValue(options.RunId);
                CommonOptions.Requests.ThrowIfInvalid(dataset, overrides, runId);
                var outputFolder = CommonOptions.OutputFolder(parse.GetValue(options.Output)!);
                var catalogStore = new LocalFeedStore(CommonOptions.ExistingFolder(catalogFolder, "catalog"));
                var source = FeedLayout.AtStoreRoot();
                foreach (var file in new[] { source.CatalogTracks, source.CatalogArtists })
                {
                    if (!File.Exists(Path.Combine(catalogFolder, file)))
                        throw new FeedInputException($"'{catalogFolder}' is not a prepared catalog: {file} is missing (run prepare --out {catalogFolder} first).");
                }
                var inputs = await CatalogInputs(catalogStore, source, cancellationToken);
                var request = CommonOptions.Requests.Create(dataset, overrides, InputFiles.InFolder(""), inputs, runId);
                DiskRoom.EnsureFor(request, outputFolder, stderr);
                var store = new LocalFeedStore(outputFolder);
                var outcome = await ProgressDisplay.RunAsync(console.Json, stderr, progress =>
                    LocalFeedRunner.RunFromCatalogAsync(store, request.Parameters, catalogStore, inputs, RunOptions.ScheduleOf(request), progress, cancellationToken));
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

    private static async Task<IReadOnlyList<ManifestInput>> CatalogInputs(LocalFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        var inputs = new List<ManifestInput>();
        foreach (var path in new[] { layout.CatalogTracks, layout.CatalogArtists })
        {
            await using var stream = await store.OpenReadAsync(path, cancellationToken);
            inputs.Add(await InputFingerprints.OfAsync(path, stream, cancellationToken));
        }
        return inputs;
    }
}
