using System.Diagnostics;
using Wrapped.Core.Catalog;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Runs the feed in this process: the same steps the Durable orchestration calls as activities, scheduled with
/// <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>.
/// Holds the run's lock throughout (<see cref="RunLock"/>). Resumable: finished steps are found in their ledgers and
/// skipped, and simulated days in the saved state; an extension of a finished run is staged and committed as one
/// transaction (<see cref="RunTransaction"/>), and a run that already reaches the end asked for is reported as it is.
/// After the simulation it computes Wrapped (<see cref="LocalWrappedRunner"/>), inside the same transaction, unless
/// <c>computeWrapped</c> is false (runs compared byte for byte with one that has no Wrapped).
/// </summary>
public static class LocalFeedRunner
{
    /// <summary>Prepares the catalog from the CSVs, then runs the feed.</summary>
    public static Task<RunOutcome> RunFromCsvAsync(
        IFeedStore store, RunParameters parameters, CatalogSources sources, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, bool computeWrapped = true) =>
        RunAsync(store, parameters, inputs, schedule, progress,
            new CatalogSource("prepare", (layout, ct) => CatalogStep.RunAsync(store, layout, CatalogSettings.Of(parameters), sources, ct)),
            computeWrapped, cancellationToken);

    /// <summary>Copies an already prepared catalog (the output of <c>prepare</c>) into the run, then runs the feed.</summary>
    public static async Task<RunOutcome> RunFromCatalogAsync(
        IFeedStore store, RunParameters parameters, IFeedStore catalogStore, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule,
        IProgress<RunProgress>? progress, CancellationToken cancellationToken, bool computeWrapped = true)
    {
        // A missing, rejected, damaged or foreign catalog is refused before anything is written.
        await CatalogCache.GetAsync(catalogStore, FeedLayout.AtStoreRoot(), cancellationToken).ConfigureAwait(false);
        await CatalogCopy.EnsurePreparedAsync(catalogStore, cancellationToken).ConfigureAwait(false);
        return await RunAsync(store, parameters, inputs, schedule, progress,
            new CatalogSource("catalog", (layout, ct) => CatalogCopy.RunAsync(catalogStore, store, layout, ct)),
            computeWrapped, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<RunOutcome> RunAsync(
        IFeedStore store, RunParameters parameters, IReadOnlyList<ManifestInput> inputs, RunSchedule schedule, IProgress<RunProgress>? progress,
        CatalogSource catalog, bool computeWrapped, CancellationToken cancellationToken)
    {
        RunRequestFactory.ThrowIfAny(RunRequestFactory.ProblemsOf(parameters, schedule));
        var layout = new FeedLayout(parameters.RunId);
        var stopwatch = Stopwatch.StartNew();
        await using var held = await RunLock.AcquireAsync(store, layout, RunWriter.ThisProcess(), cancellationToken).ConfigureAwait(false);
        using var whileHeld = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, held.Lost);
        var ct = whileHeld.Token;

        var model = await RunModels.GetAsync(store, layout, parameters, ct).ConfigureAwait(false);
        var plan = await RunStart.BeginAsync(store, layout, new RunDefinition(parameters, inputs), model, ct).ConfigureAwait(false);
        if (plan.Mode == RunWriteMode.Current)
            return new RunOutcome(layout, await store.ReadJsonAsync<FeedManifest>(layout.Manifest, ct).ConfigureAwait(false), stopwatch.Elapsed);

        var run = RunTransaction.View(store, layout, plan.Staged);
        if (plan.Mode == RunWriteMode.Fresh)
        {
            if (!await store.ExistsAsync(layout.Ledger(CatalogStep.LedgerName), ct).ConfigureAwait(false))
            {
                progress?.Report(RunProgress.Starting(catalog.Stage));
                await catalog.WriteAsync(layout, ct).ConfigureAwait(false);
            }
            if (!await store.ExistsAsync(layout.Ledger(UsersStep.LedgerName), ct).ConfigureAwait(false))
            {
                progress?.Report(RunProgress.Starting("users"));
                await UsersStep.RunAsync(store, layout, parameters, ct).ConfigureAwait(false);
            }
        }

        var batches = await SimulateAsync(run, layout, parameters, schedule, progress, ct).ConfigureAwait(false);
        if (computeWrapped) await LocalWrappedRunner.RunAsync(run, layout, parameters, schedule, progress, ct).ConfigureAwait(false);
        progress?.Report(new RunProgress("manifest", batches.Done, batches.Done, batches.Events));
        var manifest = await RunTransaction.CommitAsync(store, layout, plan.Staged, ct).ConfigureAwait(false);
        return new RunOutcome(layout, manifest, stopwatch.Elapsed);
    }

    private static async Task<(int Done, long Events)> SimulateAsync(
        IFeedStore store, FeedLayout layout, RunParameters parameters, RunSchedule schedule, IProgress<RunProgress>? progress, CancellationToken cancellationToken)
    {
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
        return (batches.Count, eventsWritten);
    }

    /// <summary>Where a run's catalog comes from: prepared from CSVs, or copied from <c>prepare</c>'s output.</summary>
    private sealed record CatalogSource(string Stage, Func<FeedLayout, CancellationToken, Task> WriteAsync);
}

public sealed record RunOutcome(FeedLayout Layout, FeedManifest Manifest, TimeSpan Elapsed);
