using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// An extension of a finished run (a later end date) is a transaction. Everything it writes is staged
/// (<see cref="StagingFeedStore"/>): the finished run, its <c>_SUCCESS</c>, manifest and state, stays exactly as it
/// was and validates. Its manifest step writes the new manifest and then <c>_SUCCESS</c> into the staging area; that
/// staged <c>_SUCCESS</c> is the commit record. Applying the commit then removes the run's <c>_SUCCESS</c> (readers
/// wait), moves the staged files into place, data first and the manifest last, and moves <c>_SUCCESS</c> back. A
/// writer finding a commit record rolls it forward first; a writer finding staged files without one goes on from them
/// (or discards them, if they went further than it is asked to).
/// </summary>
public static class RunTransaction
{
    /// <summary>The store the run is written through: staged for an extension, the store itself otherwise.</summary>
    public static IFeedStore View(IFeedStore store, FeedLayout layout, bool staged) => staged ? new StagingFeedStore(store, layout) : store;

    /// <summary>Writes the run's manifest and <c>_SUCCESS</c> through <see cref="View"/>, then applies an extension's commit.</summary>
    public static async Task<FeedManifest> CommitAsync(IFeedStore store, FeedLayout layout, bool staged, CancellationToken cancellationToken)
    {
        var manifest = await ManifestStep.RunAsync(View(store, layout, staged), layout, cancellationToken).ConfigureAwait(false);
        if (staged) await ApplyAsync(store, layout, cancellationToken).ConfigureAwait(false);
        return manifest;
    }

    /// <summary>Moves a committed extension's staged files into place; does nothing when no commit record is staged.</summary>
    /// <returns>Whether there was a commit to apply.</returns>
    public static async Task<bool> ApplyAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        if (!await store.ExistsAsync(layout.Staged(layout.Success), cancellationToken).ConfigureAwait(false)) return false;
        await store.DeleteAsync(layout.Success, cancellationToken).ConfigureAwait(false);
        var staged = await store.ListAsync(layout.StagingFolder, cancellationToken).ConfigureAwait(false);
        foreach (var path in staged.Where(p => !TemporaryFiles.Is(p)).OrderBy(p => ApplyOrder(layout, p)).ThenBy(p => p, StringComparer.Ordinal))
        {
            await store.MoveAsync(path, layout.Unstaged(path), cancellationToken).ConfigureAwait(false);
        }
        await DiscardAsync(store, layout, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>Deletes whatever is staged: an uncommitted extension that is not to be continued, or leftovers.</summary>
    public static async Task DiscardAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        foreach (var path in await store.ListAsync(layout.StagingFolder, cancellationToken).ConfigureAwait(false))
        {
            await store.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Data first, then what describes it (ledgers, the definition), the manifest, and <c>_SUCCESS</c> last.</summary>
    private static int ApplyOrder(FeedLayout layout, string stagedPath)
    {
        var path = layout.Unstaged(stagedPath);
        if (path == layout.Success) return 4;
        if (path == layout.Manifest) return 3;
        if (path == layout.Parameters) return 2;
        return layout.RelativeToRun(path).StartsWith('_') ? 1 : 0;
    }
}
