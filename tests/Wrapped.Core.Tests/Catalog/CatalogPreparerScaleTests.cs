using System.Diagnostics;
using Wrapped.Core.Catalog;
using Wrapped.TestSupport;
using Wrapped.Core.Csv;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Catalog;

/// <summary>
/// Prepares a reference-scale synthetic catalog. Prints wall time, CPU time and memory but asserts only correctness:
/// timings depend on the machine and its load. For a figure, run it alone in Release:
/// <c>dotnet test tests/Wrapped.Core.Tests -c Release --filter Category=Scale --logger "console;verbosity=detailed"</c>.
/// </summary>
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
        using var process = Process.GetCurrentProcess();
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var cpuBefore = process.TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();

        var catalog = CatalogPreparer.Prepare(sources, new PreparationOptions(new DateOnly(2024, 1, 1)));

        stopwatch.Stop();
        process.Refresh();
        output.WriteLine(
            $"prepared {catalog.Tracks.Count:N0} tracks from {TrackRows:N0} rows: wall {stopwatch.Elapsed.TotalSeconds:0.00} s, " +
            $"process CPU {(process.TotalProcessorTime - cpuBefore).TotalSeconds:0.00} s, " +
            $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1048576.0:0} MiB, " +
            $"managed heap after {GC.GetTotalMemory(false) / 1048576.0:0} MiB, process peak working set {process.PeakWorkingSet64 / 1048576.0:0} MiB, " +
            $"clusters {string.Join('/', catalog.Report.Clustering.ClusterDetails.Select(c => c.Size))}");

        var report = catalog.Report;
        Assert.Equal(TrackRows, report.TracksFile.RowsRead);
        Assert.Equal(0, report.TracksFile.RowsSkipped);
        Assert.Equal(TrackRows, report.Dropped.Where(d => d.File == sources.Tracks.Name).Sum(d => d.Count) + report.TrackCount);
        Assert.True(report.ArtistJoin.MatchedById > 0 && report.ArtistJoin.NotFound > 0);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
