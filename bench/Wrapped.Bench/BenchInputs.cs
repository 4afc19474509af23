using System.Diagnostics;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Bench;

/// <summary>
/// Inputs of the reference's scale (its prepared catalog had 24,142 tracks by about 8,600 artists), generated once
/// into the work folder and prepared into a catalog.
/// </summary>
internal static class BenchInputs
{
    public const int TracksRows = 40_000;
    public const int Artists = 8_600;

    public static async Task<(string CatalogFolder, int Tracks, TimeSpan PrepareTime)> PrepareAsync(string work, TextWriter log)
    {
        var inputs = Directory.CreateDirectory(Path.Combine(work, "inputs")).FullName;
        if (!File.Exists(Path.Combine(inputs, "artists.csv")))
        {
            log.WriteLine($"Generating {TracksRows:N0} tracks rows by {Artists:N0} artists into {inputs}");
            SyntheticInputs.Write(inputs, TracksRows, seed: 2024, genreShare: 0.6, artistShare: 0.9, artistCount: Artists);
        }
        var catalogFolder = Path.Combine(work, "catalog");
        var sources = new CatalogSources(
            CsvSource.FromFile(Path.Combine(inputs, "tracks.csv")),
            CsvSource.FromFile(Path.Combine(inputs, "tracks_extended.csv")),
            CsvSource.FromFile(Path.Combine(inputs, "artists.csv")));
        var stopwatch = Stopwatch.StartNew();
        var result = await CatalogStep.RunAsync(new LocalFeedStore(catalogFolder), FeedLayout.AtStoreRoot(),
            new CatalogSettings(new DateOnly(2024, 1, 1), 3, 42, "deflate"), sources, CancellationToken.None);
        return (catalogFolder, result.Tracks, stopwatch.Elapsed);
    }
}
