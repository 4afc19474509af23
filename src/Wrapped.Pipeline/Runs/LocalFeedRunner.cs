using System.Diagnostics;
using Wrapped.Core.Catalog;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Runs the feed in this process: the same steps the Durable orchestration calls as activities, scheduled with
/// <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>.
/// Resumable: finished steps are found in their ledgers and skipped, and simulated days in the saved state.
/// After the simulation it computes Wrapped (<see cref="LocalWrappedRunner"/>) unless <c>computeWrapped</c> is false:
/// the Durable orchestration does not compute it yet, and runs compared with it byte for byte opt out.
/// </summary>
public static class LocalFeedRunner
{
    /// <summary>Prepares the catalog from the CSVs, then runs the feed.</summary>
    public static async Task<RunOutcome> RunFromCsvAsync(
        IFeedStore store, RunParameters parameters, CatalogSources sources, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, bool computeWrapped = true)
    {
        var layout = await BeginAsync(store, parameters, inputs, schedule, cancellationToken).ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        if (!await store.ExistsAsync(layout.Ledger(CatalogStep.LedgerName), cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(new RunProgress("prepare", 0, 0, 0));
            await CatalogStep.RunAsync(store, layout, CatalogSettings.Of(parameters), sources, cancellationToken).ConfigureAwait(false);
        }
        return await SimulateAsync(store, layout, parameters, schedule, progress, stopwatch, computeWrapped, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Copies an already prepared catalog (the output of <c>prepare</c>) into the run, then runs the feed.</summary>
    public static async Task<RunOutcome> RunFromCatalogAsync(
        IFeedStore store, RunParameters parameters, IFeedStore catalogStore, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, bool computeWrapped = true)
    {
        // A missing or foreign catalog is refused before anything is written.
        await CatalogCache.GetAsync(catalogStore, FeedLayout.AtStoreRoot(), cancellationToken).ConfigureAwait(false);
        var layout = await BeginAsync(store, parameters, inputs, schedule, cancellationToken).ConfigureAwait(false);
        var stopwatch = Stopwatch.StartNew();
        if (!await store.ExistsAsync(layout.Ledger(CatalogStep.LedgerName), cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(new RunProgress("catalog", 0, 0, 0));
            await CatalogCopy.RunAsync(catalogStore, store, layout, cancellationToken).ConfigureAwait(false);
        }
        return await SimulateAsync(store, layout, parameters, schedule, progress, stopwatch, computeWrapped, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<FeedLayout> BeginAsync(
        IFeedStore store, RunParameters parameters, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule, CancellationToken cancellationToken)
    {
        schedule.ThrowIfInvalid(parameters);
        var layout = new FeedLayout(parameters.RunId);
        await RunStart.RecordAsync(store, layout, new RunDefinition(parameters, inputs), cancellationToken).ConfigureAwait(false);
        return layout;
    }

    private static async Task<RunOutcome> SimulateAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, RunSchedule schedule, IProgress<RunProgress>? progress,
        Stopwatch stopwatch, bool computeWrapped, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(layout.Ledger(UsersStep.LedgerName), cancellationToken).ConfigureAwait(false))
        {
            progress?.Report(new RunProgress("users", 0, 0, 0));
            await UsersStep.RunAsync(store, layout, parameters, cancellationToken).ConfigureAwait(false);
        }

        var batches = schedule.Batches(parameters.PartCount, parameters.PartSize);
        var batchesDone = 0;
        long eventsWritten = 0;
        progress?.Report(new RunProgress("simulate", 0, batches.Count, 0));
        await Parallel.ForEachAsync(batches,
            new ParallelOptions { MaxDegreeOfParallelism = schedule.Parallelism, CancellationToken = cancellationToken },
            async (batch, ct) =>
            {
                foreach (var part in batch)
                {
                    var result = await SimulationStep.RunAsync(store, layout, parameters, part, parameters.Start, parameters.End, ct).ConfigureAwait(false);
                    Interlocked.Add(ref eventsWritten, result.Events);
                }
                progress?.Report(new RunProgress("simulate", Interlocked.Increment(ref batchesDone), batches.Count, Interlocked.Read(ref eventsWritten)));
            }).ConfigureAwait(false);

        if (computeWrapped) await LocalWrappedRunner.RunAsync(store, layout, parameters, schedule, progress, cancellationToken).ConfigureAwait(false);

        progress?.Report(new RunProgress("manifest", batches.Count, batches.Count, eventsWritten));
        var manifest = await ManifestStep.RunAsync(store, layout, cancellationToken).ConfigureAwait(false);
        return new RunOutcome(layout, manifest, stopwatch.Elapsed);
    }
}

public sealed record RunOutcome(FeedLayout Layout, FeedManifest Manifest, TimeSpan Elapsed);
