using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// One writer per run: a process that writes a run (the local runner, or <c>run --durable</c> as the orchestration's
/// client) holds the run's lock for the run's life. A second writer is refused at once, told who holds it.
/// </summary>
public static class RunLock
{
    private static readonly TimeSpan HolderRecordWait = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Takes the run's lock for <paramref name="holder"/>, records the holder in <c>_writer.json</c> and deletes the stale
    /// temporaries of interrupted writes (only the holder can know that none is in progress).
    /// </summary>
    /// <exception cref="FeedInputException">Someone else holds the lock (see <see cref="HeldBy"/>).</exception>
    public static async Task<IStoreLock> AcquireAsync(IFeedStore store, FeedLayout layout, RunWriter holder, CancellationToken cancellationToken)
    {
        var held = await store.TryLockAsync(layout.WriterLock, cancellationToken).ConfigureAwait(false)
            ?? throw HeldBy(layout.RunId, await ReadHolderAsync(store, layout, cancellationToken).ConfigureAwait(false),
                "wait for it to finish, or stop it, then run this command again.");
        try
        {
            var previous = await TryReadAsync(store, layout, cancellationToken).ConfigureAwait(false);
            // The client of an orchestration that is resumed keeps the token its execution claimed the run with.
            var record = holder.Orchestration is not null && previous?.Orchestration == holder.Orchestration ? holder with { Token = previous.Token } : holder;
            await store.WriteJsonAsync(layout.Writer, record, cancellationToken).ConfigureAwait(false);
            await DeleteTemporariesAsync(store, layout, cancellationToken).ConfigureAwait(false);
            return held;
        }
        catch
        {
            await held.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Another writer has the run: refused, not failed (exit 2 on the command line; never retried by an orchestration).</summary>
    public static FeedInputException HeldBy(string runId, RunWriter? holder, string advice) =>
        new($"Run {runId} is being written by {holder?.Describe() ?? "another process (it has not said which yet)"}: {advice}");

    /// <summary>Deletes what interrupted writes left under the run: call only as its one writer.</summary>
    public static async Task DeleteTemporariesAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        foreach (var path in await store.ListAsync(layout.Root + "/", cancellationToken).ConfigureAwait(false))
        {
            if (TemporaryFiles.Is(path)) await store.DeleteAsync(path, cancellationToken).ConfigureAwait(false);
        }
    }

    internal static async Task<RunWriter?> TryReadAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        try
        {
            return await store.TryReadJsonAsync<RunWriter>(layout.Writer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidDataException or FileNotFoundException or Steps.FeedInputException)
        {
            return null; // being replaced, or damaged: it only describes
        }
    }

    /// <summary>The holder's record; a holder that took the lock a moment ago may not have written it yet.</summary>
    private static async Task<RunWriter?> ReadHolderAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var holder = await TryReadAsync(store, layout, cancellationToken).ConfigureAwait(false);
            if (holder is not null || waited.Elapsed > HolderRecordWait) return holder;
            await Task.Delay(50, cancellationToken).ConfigureAwait(false);
        }
    }
}
