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
        var tracks = new Option<string?>("--tracks") { Description = "tracks.csv; default: the bundled samples/" };
        var extended = new Option<string?>("--extended") { Description = "tracks_extended.csv (the genre source); default: the bundled samples/" };
        var artists = new Option<string?>("--artists") { Description = "artists.csv; default: the bundled samples/" };
        var output = new Option<string>("--out") { Description = "Folder to write the catalog to", DefaultValueFactory = _ => Path.Combine("out", "catalog") };
        var referenceDate = CommonOptions.Date("--ref-date",
            $"Date newness is measured from (yyyy-MM-dd); default: a run's default start, {RunCalendar.DefaultStartDescription}, the end being {RunCalendar.DefaultEndDescription}");
        var clusters = CommonOptions.Int("--clusters", "k of the audio-feature k-means", CommonOptions.Defaults.Clusters, 1, RunLimits.MaxClusters);
        var seed = CommonOptions.Seed();
        var json = CommonOptions.Json();
        var command = new Command("prepare", "Read and check the three CSVs and write the prepared catalog as Avro.")
        {
            tracks, extended, artists, output, referenceDate, clusters, seed, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(json));
            ReportLocation? rejectionReport = null;
            try
            {
                var folder = CommonOptions.OutputFolder(parse.GetValue(output)!);
                var settings = new CatalogSettings(
                    parse.GetValue(referenceDate) ?? CommonOptions.DefaultStart, parse.GetValue(clusters), parse.GetValue(seed), CommonOptions.Defaults.Codec);
                var sample = CommonOptions.BundledSampleFolder;
                var sources = new CatalogSources(
                    CommonOptions.ExistingCsv(parse.GetValue(tracks) ?? Path.Combine(sample, "tracks.csv"), "tracks"),
                    CommonOptions.ExistingCsv(parse.GetValue(extended) ?? Path.Combine(sample, "tracks_extended.csv"), "tracks_extended"),
                    CommonOptions.ExistingCsv(parse.GetValue(artists) ?? Path.Combine(sample, "artists.csv"), "artists"));
                rejectionReport = RejectionReport.For(folder);
                var result = await CatalogStep.RunAsync(new LocalFeedStore(folder), FeedLayout.AtStoreRoot(), settings, sources, cancellationToken, rejectionReport);
                RejectionReport.RemoveStale(folder);
                var summary = new PrepareSummary("done", Path.GetFullPath(folder), result.Tracks, result.Artists, result.Report);
                console.Summary(summary, w =>
                {
                    w.WriteLine($"Prepared {result.Tracks:N0} tracks and {result.Artists:N0} artists into {summary.Output}");
                    w.WriteLine($"  catalog/tracks.avro, catalog/artists.avro, _report.json (rows read, dropped and why, clusters)");
                });
                return ExitCodes.Done;
            }
            catch (InputRejectedException e) when (rejectionReport is not null)
            {
                var beside = rejectionReport.Path != FeedLayout.AtStoreRoot().Report;
                return console.Fail(e, beside ? $"{rejectionReport}; the catalog already in --out is unchanged" : rejectionReport.ToString());
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
