using System.Diagnostics;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>Prepares a reference-scale synthetic catalog. Prints timing and memory; asserts only correctness (timings vary by machine).</summary>
public sealed class CatalogPreparerScaleTests(ITestOutputHelper output) : IDisposable
{
    private const int TrackRows = 100_000;

    private readonly string _directory = Directory.CreateTempSubdirectory("wrapped-catalog-scale-").FullName;

    [Fact]
    [Trait("Category", "Scale")]
    public void Prepare_HundredThousandTrackRows_AccountsForEveryRowAndPrintsCost()
    {
        SyntheticInputs.Write(_directory, TrackRows, seed: 20240101);
        var sources = new CatalogSources(
            CsvSource.FromFile(Path.Combine(_directory, "tracks.csv")),
            CsvSource.FromFile(Path.Combine(_directory, "tracks_extended.csv")),
            CsvSource.FromFile(Path.Combine(_directory, "artists.csv")));
        var options = new PreparationOptions(new DateOnly(2024, 1, 1));
        using var process = Process.GetCurrentProcess();
        var coldCpu = process.TotalProcessorTime;
        var coldStopwatch = Stopwatch.StartNew();
        CatalogPreparer.Prepare(sources, options);
        coldStopwatch.Stop();
        process.Refresh();
        coldCpu = process.TotalProcessorTime - coldCpu;
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        process.Refresh();
        var warmCpu = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();

        var catalog = CatalogPreparer.Prepare(sources, options);

        stopwatch.Stop();
        process.Refresh();
        warmCpu = process.TotalProcessorTime - warmCpu;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        var features = AudioFeatureMatrix.Standardise(catalog.Tracks.Select(t => t.Features).ToArray());
        var clusteringStopwatch = Stopwatch.StartNew();
        KMeansClusterer.Cluster(features.Standardised, AudioFeatureMatrix.Dimensions, options.Clusters, options.Seed, options.KMeansRestarts);
        clusteringStopwatch.Stop();
        process.Refresh();
        output.WriteLine(
            $"prepared {catalog.Tracks.Count:N0} tracks from {TrackRows:N0} rows in {stopwatch.Elapsed.TotalSeconds:0.00} s warm, CPU {warmCpu.TotalSeconds:0.00} s " +
            $"({coldStopwatch.Elapsed.TotalSeconds:0.00} s cold, CPU {coldCpu.TotalSeconds:0.00} s, first run in the process; k-means alone {clusteringStopwatch.Elapsed.TotalSeconds:0.00} s); " +
            $"allocated {allocated / 1048576.0:0} MiB; managed heap now {GC.GetTotalMemory(false) / 1048576.0:0} MiB; " +
            $"process peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB; clusters {string.Join('/', catalog.Report.Clustering.ClusterDetails.Select(c => c.Size))}");

        var report = catalog.Report;
        Assert.Equal(TrackRows, report.TracksFile.RowsRead);
        Assert.Equal(0, report.TracksFile.RowsSkipped);
        Assert.Equal(TrackRows, report.Dropped.Where(d => d.File == sources.Tracks.Name).Sum(d => d.Count) + report.TrackCount);
        Assert.True(report.ArtistJoin.MatchedById > 0 && report.ArtistJoin.NotFound > 0);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
