using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary><c>prepare</c>: the three CSVs → <c>DIR/catalog/tracks.avro</c>, <c>DIR/catalog/artists.avro</c>, <c>DIR/_report.json</c>.</summary>
internal static class PrepareCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var sample = CommonOptions.BundledSampleFolder;
        var tracks = new Option<string>("--tracks") { Description = "tracks.csv", DefaultValueFactory = _ => Path.Combine(sample, "tracks.csv") };
        var extended = new Option<string>("--extended") { Description = "tracks_extended.csv (the genre source)", DefaultValueFactory = _ => Path.Combine(sample, "tracks_extended.csv") };
        var artists = new Option<string>("--artists") { Description = "artists.csv", DefaultValueFactory = _ => Path.Combine(sample, "artists.csv") };
        var output = new Option<string>("--out") { Description = "Folder to write the catalog to", DefaultValueFactory = _ => Path.Combine("out", "catalog") };
        var referenceDate = CommonOptions.Date("--ref-date", "Date newness is measured from; default 1 January of this year");
        var clusters = CommonOptions.Positive("--clusters", "k of the audio-feature k-means", 3);
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("prepare", "Read and check the three CSVs and write the prepared catalog as Avro.")
        {
            tracks, extended, artists, output, referenceDate, clusters, seed, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(json));
            try
            {
                var settings = new CatalogSettings(
                    parse.GetValue(referenceDate) ?? CommonOptions.DefaultStart, parse.GetValue(clusters), parse.GetValue(seed), "deflate");
                var sources = new CatalogSources(
                    CommonOptions.ExistingCsv(parse.GetValue(tracks)!, "tracks"),
                    CommonOptions.ExistingCsv(parse.GetValue(extended)!, "tracks_extended"),
                    CommonOptions.ExistingCsv(parse.GetValue(artists)!, "artists"));
                var folder = parse.GetValue(output)!;
                var store = new LocalFeedStore(folder);
                var result = await CatalogStep.RunAsync(store, FeedLayout.AtStoreRoot(), settings, sources, cancellationToken);
                var summary = new PrepareSummary("done", Path.GetFullPath(folder), result.Tracks, result.Artists, result.Report);
                console.Summary(summary, w =>
                {
                    w.WriteLine($"Prepared {result.Tracks:N0} tracks and {result.Artists:N0} artists into {summary.Output}");
                    w.WriteLine($"  catalog/tracks.avro, catalog/artists.avro, _report.json (rows read, dropped and why, clusters)");
                });
                return ExitCodes.Done;
            }
            catch (Exception e)
            {
                return console.Fail(e);
            }
        });
        return command;
    }

    private sealed record PrepareSummary(string Status, string Output, int Tracks, int Artists, PreparationReport Report);
}
