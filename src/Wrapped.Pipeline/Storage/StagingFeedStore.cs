using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Storage;

/// <summary>
/// The view an extension writes a finished run through: every file it writes under the run lands in the run's staging
/// area (<see cref="FeedLayout.StagingFolder"/>), and every read sees the staged file first, then the committed one.
/// So the finished run stays exactly as it was until the extension commits (<c>RunTransaction</c>), and any step,
/// present or future, joins the transaction just by writing through this view.
/// </summary>
public sealed class StagingFeedStore(IFeedStore committed, FeedLayout layout) : IFeedStore
{
    /// <summary>The committed store's: the same files are meant, and caches keyed by it stay valid.</summary>
    public string Description => committed.Description;

    public Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken) =>
        StagesAt(path, out var staged)
            ? WriteStagedAsync(path, staged, write, cancellationToken)
            : committed.WriteAsync(path, write, cancellationToken);

    public async Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) =>
        await committed.OpenReadAsync(await LatestAsync(path, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);

    public async Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) =>
        (StagesAt(path, out var staged) && await committed.ExistsAsync(staged, cancellationToken).ConfigureAwait(false))
        || await committed.ExistsAsync(path, cancellationToken).ConfigureAwait(false);

    /// <summary>Deletes what this transaction staged at <paramref name="path"/>; committed files are never deleted by one.</summary>
    public Task DeleteAsync(string path, CancellationToken cancellationToken) =>
        StagesAt(path, out var staged) ? committed.DeleteAsync(staged, cancellationToken) : committed.DeleteAsync(path, cancellationToken);

    public Task MoveAsync(string from, string to, CancellationToken cancellationToken) =>
        throw new NotSupportedException("An extension moves its staged files only when it commits, through the committed store.");

    public Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken) => committed.TryLockAsync(path, cancellationToken);

    public async Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken)
    {
        var names = new SortedSet<string>(await committed.ListFoldersAsync(folder, cancellationToken).ConfigureAwait(false), StringComparer.Ordinal);
        if (StagesAt(folder.TrimEnd('/') + "/", out var staged))
            names.UnionWith(await committed.ListFoldersAsync(staged, cancellationToken).ConfigureAwait(false));
        names.Remove(Path.GetFileName(layout.StagingFolder.TrimEnd('/')));
        return [.. names];
    }

    /// <summary>The committed files and the staged ones under <paramref name="prefix"/>, each path once, as this view names them.</summary>
    public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
    {
        var paths = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in await committed.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            paths.Add(layout.Unstaged(path));
        }
        if (StagesAt(prefix, out var staged))
        {
            foreach (var path in await committed.ListAsync(staged, cancellationToken).ConfigureAwait(false))
            {
                paths.Add(layout.Unstaged(path));
            }
        }
        return [.. paths];
    }

    private async Task<StoredFile> WriteStagedAsync(string path, string staged, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var stored = await committed.WriteAsync(staged, write, cancellationToken).ConfigureAwait(false);
        return stored with { Path = path.TrimStart('/') };
    }

    private async Task<string> LatestAsync(string path, CancellationToken cancellationToken) =>
        StagesAt(path, out var staged) && await committed.ExistsAsync(staged, cancellationToken).ConfigureAwait(false) ? staged : path;

    /// <summary>
    /// Whether <paramref name="path"/> is one of the run's files, which a transaction stages, and where. The writer's lock and
    /// record are not: they say who writes the run, whatever it writes.
    /// </summary>
    private bool StagesAt(string path, out string staged)
    {
        var runPath = layout.RelativeToRun(path);
        var inRun = runPath != path || layout.Root.Length == 0;
        staged = layout.Staged(path);
        return inRun && !layout.IsStaged(path) && path != layout.WriterLock && path != layout.Writer;
    }
}
