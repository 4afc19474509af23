using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// One writer per run on the Durable path. Activities run on many workers, and in the Function app no process lives
/// as long as the run, so no process can hold the run's lock for it: the orchestration is the writer. Every write of
/// a run uses the run id as instance id, so the engine never has two live executions of it; each execution draws a
/// writer token (replay-safe), claims the run with it (<see cref="ClaimAsync"/>), and every activity checks the claim
/// before each change it makes (<see cref="Store"/>). An activity of a superseded execution (a straggler after a
/// restart) or of a run taken over by a local writer fails for good instead of adding to the run.
/// </summary>
public static class WriterClaim
{
    /// <summary>
    /// Claims the run for an execution. A process holding the run's lock is respected unless it is this orchestration's
    /// own client (<c>run --durable</c>), whose record the claim joins; a free lock is taken just for the claim.
    /// </summary>
    /// <exception cref="FeedInputException">Another process holds the run.</exception>
    public static async Task ClaimAsync(IFeedStore store, FeedLayout layout, string orchestration, string token, CancellationToken cancellationToken)
    {
        var held = await store.TryLockAsync(layout.WriterLock, cancellationToken).ConfigureAwait(false);
        if (held is null)
        {
            var holder = await RunLock.TryReadAsync(store, layout, cancellationToken).ConfigureAwait(false);
            if (holder?.Orchestration != orchestration)
                throw RunLock.HeldBy(layout.RunId, holder, $"orchestration {orchestration} does not write it while that process does.");
            await store.WriteJsonAsync(layout.Writer, holder with { Token = token }, cancellationToken).ConfigureAwait(false);
            return;
        }
        await using (held.ConfigureAwait(false))
        {
            await store.WriteJsonAsync(layout.Writer, RunWriter.ThisProcess(orchestration) with { Token = token }, cancellationToken).ConfigureAwait(false);
            await RunLock.DeleteTemporariesAsync(store, layout, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Refuses, for good, when the run is no longer claimed by the execution holding <paramref name="token"/>.</summary>
    public static async Task EnsureAsync(IFeedStore store, FeedLayout layout, string token, CancellationToken cancellationToken)
    {
        var writer = await RunLock.TryReadAsync(store, layout, cancellationToken).ConfigureAwait(false);
        if (writer?.Token != token)
            throw RunLock.HeldBy(layout.RunId, writer, $"the orchestration execution that claimed it as {token} was superseded and writes nothing more.");
    }

    /// <summary>
    /// The store an activity of the execution <paramref name="write"/> describes writes through: the claim is checked
    /// before every change, and an extension's changes are staged (<see cref="RunTransaction"/>).
    /// </summary>
    public static IFeedStore Store(IFeedStore store, FeedLayout layout, RunWrite write) =>
        new ClaimCheckedStore(RunTransaction.View(store, layout, write.Staged), store, layout, write.Writer);

    private sealed class ClaimCheckedStore(IFeedStore view, IFeedStore committed, FeedLayout layout, string token) : IFeedStore
    {
        public string Description => view.Description;

        public async Task<StoredFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
        {
            await EnsureAsync(committed, layout, token, cancellationToken).ConfigureAwait(false);
            return await view.WriteAsync(path, write, cancellationToken).ConfigureAwait(false);
        }

        public async Task DeleteAsync(string path, CancellationToken cancellationToken)
        {
            await EnsureAsync(committed, layout, token, cancellationToken).ConfigureAwait(false);
            await view.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }

        public async Task MoveAsync(string from, string to, CancellationToken cancellationToken)
        {
            await EnsureAsync(committed, layout, token, cancellationToken).ConfigureAwait(false);
            await view.MoveAsync(from, to, cancellationToken).ConfigureAwait(false);
        }

        public Task<Stream> OpenReadAsync(string path, CancellationToken cancellationToken) => view.OpenReadAsync(path, cancellationToken);

        public Task<bool> ExistsAsync(string path, CancellationToken cancellationToken) => view.ExistsAsync(path, cancellationToken);

        public Task<IReadOnlyList<string>> ListFoldersAsync(string folder, CancellationToken cancellationToken) => view.ListFoldersAsync(folder, cancellationToken);

        public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken) => view.ListAsync(prefix, cancellationToken);

        public Task<IStoreLock?> TryLockAsync(string path, CancellationToken cancellationToken) => view.TryLockAsync(path, cancellationToken);
    }
}
