using System.Text.Json;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Begins a write of a run, as its one writer: rolls forward an extension that committed but was interrupted while
/// applied, refuses to mix two different runs in one folder, records the definition and the listening model
/// (<c>_model.json</c>), and says how the writer goes on.
/// </summary>
public static class RunStart
{
    public static async Task<RunPlan> BeginAsync(IFeedStore store, FeedLayout layout, RunDefinition definition, ListeningModel model, CancellationToken cancellationToken)
    {
        await RunTransaction.ApplyAsync(store, layout, cancellationToken).ConfigureAwait(false);
        var existing = await store.TryReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
        if (existing is not null) EnsureSameRun(layout, existing, definition);
        var requestedEnd = definition.Parameters.End;

        var manifest = await TryReadManifestAsync(store, layout, cancellationToken).ConfigureAwait(false);
        var success = await store.ExistsAsync(layout.Success, cancellationToken).ConfigureAwait(false);
        // A manifest describes a finished run when _SUCCESS is there, or when the run's definition agrees with it (the
        // write of _SUCCESS after it was interrupted). An earlier version extended runs in place: such a run, left
        // half-extended, goes on being written in place.
        if (manifest is null || (!success && existing is not null && existing.Parameters.End != manifest.Parameters.End))
        {
            if (existing is not null && requestedEnd < existing.Parameters.End)
            {
                throw new FeedInputException($"{layout.Root} is being written up to {existing.Parameters.End:yyyy-MM-dd} and has not finished: " +
                    $"run it to that end first (it cannot be shortened to {requestedEnd:yyyy-MM-dd}).");
            }
            if (model.Hash != definition.Parameters.ModelHash) throw new ArgumentException("The model is not the one the run's parameters name.", nameof(model));
            await store.WriteJsonAsync(layout.Parameters, definition, cancellationToken).ConfigureAwait(false);
            await RunModels.WriteAsync(store, layout, model, cancellationToken).ConfigureAwait(false);
            return new RunPlan(RunWriteMode.Fresh);
        }

        if (!success) await store.WriteAsync(layout.Success, (_, _) => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
        if (requestedEnd <= manifest.Parameters.End) return new RunPlan(RunWriteMode.Current, manifest.Counts);

        // An extension: staged until it commits. What is staged is gone on with, unless it went beyond the end asked for
        // (days cannot be taken back) or has no definition (an abandoned attempt's leftovers): then it is discarded.
        var staged = await store.TryReadJsonAsync<RunDefinition>(layout.Staged(layout.Parameters), cancellationToken).ConfigureAwait(false);
        if (staged is null || staged.Parameters.End > requestedEnd) await RunTransaction.DiscardAsync(store, layout, cancellationToken).ConfigureAwait(false);
        var staging = RunTransaction.View(store, layout, staged: true);
        await staging.WriteJsonAsync(layout.Parameters, definition, cancellationToken).ConfigureAwait(false);
        // A run recorded before listening models has no _model.json: the extension adds it, with its other files.
        await RunModels.WriteAsync(staging, layout, model, cancellationToken).ConfigureAwait(false);
        return new RunPlan(RunWriteMode.Extension);
    }

    private static void EnsureSameRun(FeedLayout layout, RunDefinition existing, RunDefinition definition)
    {
        var before = existing.Parameters with { End = definition.Parameters.End, Daily = definition.Parameters.Daily };
        if (before != definition.Parameters || !existing.Inputs.SequenceEqual(definition.Inputs))
            throw new FeedInputException($"{layout.Root} already holds a run with other parameters or inputs; choose another run id or output folder.");
    }

    private static async Task<FeedManifest?> TryReadManifestAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        try
        {
            return await store.TryReadJsonAsync<FeedManifest>(layout.Manifest, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or FeedInputException)
        {
            // The store names a damaged JSON file itself (FeedInputException); the cause is what this message wants.
            var cause = e is FeedInputException { InnerException: { } inner } ? inner : e;
            throw new FeedInputException($"{layout.Manifest} is damaged ({cause.Message}); check the run with validate, then restore it or write the run afresh.", cause);
        }
    }
}

/// <summary>How a writer goes on with a run, decided from what the store holds.</summary>
public enum RunWriteMode
{
    /// <summary>No manifest yet: the run is written (or resumed) in place; readers wait for its <c>_SUCCESS</c>.</summary>
    Fresh,

    /// <summary>A finished run asked for a later end: the new days are staged and committed as one transaction.</summary>
    Extension,

    /// <summary>The finished run already reaches the end asked for: nothing to write, it is reported as it is.</summary>
    Current,
}

/// <param name="Committed">The finished run's counts, when it is reported as it is.</param>
public sealed record RunPlan(RunWriteMode Mode, ManifestCounts? Committed = null)
{
    public bool Staged => Mode == RunWriteMode.Extension;
}
