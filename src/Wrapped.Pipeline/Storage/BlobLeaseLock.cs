using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace Wrapped.Pipeline.Storage;

/// <summary>
/// A lock held as a lease on a blob, renewed every third of its duration while held and released on dispose. A holder
/// that dies stops renewing, and the lease lapses within its duration. If renewals keep failing (storage unreachable)
/// until the lease has lapsed, <see cref="Lost"/> is cancelled: someone else may hold it by then.
/// </summary>
internal sealed class BlobLeaseLock : IStoreLock
{
    private static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(1);

    private readonly BlobLeaseClient _lease;
    private readonly TimeSpan _duration;
    private readonly CancellationTokenSource _lost = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewals;

    private BlobLeaseLock(BlobLeaseClient lease, TimeSpan duration)
    {
        _lease = lease;
        _duration = duration;
        _renewals = RenewAsync();
    }

    public CancellationToken Lost => _lost.Token;

    public static async Task<IStoreLock?> TryAcquireAsync(BlobClient blob, TimeSpan duration, CancellationToken cancellationToken)
    {
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(duration, cancellationToken: cancellationToken).ConfigureAwait(false);
            return new BlobLeaseLock(lease, duration);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null; // leased by someone else
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await _renewals.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        try
        {
            await _lease.ReleaseAsync().ConfigureAwait(false);
        }
        catch (RequestFailedException)
        {
            // Lapsed or taken meanwhile: it is not ours to release any more.
        }
        _stop.Dispose();
        _lost.Dispose();
    }

    private async Task RenewAsync()
    {
        var renewedAt = DateTime.UtcNow;
        var interval = _duration / 3;
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(interval, _stop.Token).ConfigureAwait(false);
                await _lease.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
                renewedAt = DateTime.UtcNow;
                interval = _duration / 3;
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is RequestFailedException or AggregateException or IOException or TimeoutException)
            {
                if (e is RequestFailedException { Status: 409 } || DateTime.UtcNow - renewedAt >= _duration)
                {
                    await _lost.CancelAsync().ConfigureAwait(false);
                    return;
                }
                interval = RetryInterval;
            }
        }
    }
}
