namespace Wrapped.Pipeline.Tests.Support;

/// <summary>
/// Holds each party at one point until every other party has reached it or has ended: two runs can be made to
/// interleave at their worst moment, deterministically, without a sleep.
/// </summary>
internal sealed class Rendezvous(int parties)
{
    private readonly TaskCompletionSource[] _arrived =
        [.. Enumerable.Range(0, parties).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously))];

    public Task ArriveAsync(int party)
    {
        _arrived[party].TrySetResult();
        return Task.WhenAll(_arrived.Select(a => a.Task)).WaitAsync(TimeSpan.FromSeconds(60));
    }

    /// <summary>The party will not arrive (it ended, or failed before): nobody waits for it any more.</summary>
    public void Leave(int party) => _arrived[party].TrySetResult();
}
