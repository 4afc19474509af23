using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>Runs the feed in-process on the bundled sample into a temp folder.</summary>
internal static class LocalRun
{
    public static CatalogSources SampleSources() => new(
        CsvSource.FromFile(RepoPaths.Sample("tracks.csv")),
        CsvSource.FromFile(RepoPaths.Sample("tracks_extended.csv")),
        CsvSource.FromFile(RepoPaths.Sample("artists.csv")));

    /// <summary>A run of the realistic model (the default; the reference model's bytes are pinned by <see cref="ReferenceModelBytesTests"/>).</summary>
    public static RunParameters Parameters(int users, DateOnly start, DateOnly end, int partSize, long seed = 7) => new RunParameters
    {
        RunId = "determinism",
        Dataset = "sample",
        Users = users,
        Start = start,
        End = end,
        Seed = seed,
        PartSize = partSize,
    }.WithModel(ListeningModel.Realistic);

    public static Task<RunOutcome> RunAsync(string folder, RunParameters parameters, RunSchedule schedule) =>
        RunAsync(new LocalFeedStore(folder), parameters, schedule);

    /// <summary>The run through <paramref name="store"/>, which a test may have wrapped to disturb or watch it.</summary>
    public static async Task<RunOutcome> RunAsync(IFeedStore store, RunParameters parameters, RunSchedule schedule)
    {
        var sources = SampleSources();
        var inputs = await InputFingerprints.ComputeAsync(sources, CancellationToken.None);
        return await LocalFeedRunner.RunFromCsvAsync(store, parameters, sources, inputs, schedule, null, CancellationToken.None);
    }

    /// <summary>The run's data files and manifest, for byte comparisons (ledgers, _run.json and _wrapped/ are bookkeeping).</summary>
    public static SortedDictionary<string, byte[]> Feed(string folder, RunParameters parameters) =>
        TempFolder.Snapshot(Path.Combine(folder, "runs", parameters.RunId),
            p => (p.EndsWith(".avro", StringComparison.Ordinal) && !p.StartsWith('_')) || p == "_manifest.json" || p == "_SUCCESS");
}
