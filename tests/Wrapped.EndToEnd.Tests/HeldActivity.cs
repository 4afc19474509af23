using Microsoft.DurableTask;

namespace Wrapped.EndToEnd.Tests;

/// <summary>
/// Holds the next call of one activity once armed: the test learns that it started, does what it wants meanwhile
/// (terminate the orchestration, say), then lets it go and learns when it has ended.
/// </summary>
internal sealed class ActivityHold(string activityName)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    // Calls to let through before the held one; disarmed it runs below -1 and never reaches it again.
    private int _callsToLetThrough = -1;

    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Holds the call after the next <paramref name="letThrough"/> ones.</summary>
    public void Arm(int letThrough = 0) => Volatile.Write(ref _callsToLetThrough, letThrough);

    public void Release() => _release.TrySetResult();

    public ITaskActivity Decorate(string name, ITaskActivity activity) => name == activityName ? new Held(this, activity) : activity;

    private sealed class Held(ActivityHold hold, ITaskActivity inner) : ITaskActivity
    {
        public Type InputType => inner.InputType;
        public Type OutputType => inner.OutputType;

        public async Task<object?> RunAsync(TaskActivityContext context, object? input)
        {
            if (Interlocked.Decrement(ref hold._callsToLetThrough) != -1) return await inner.RunAsync(context, input);
            hold.Started.TrySetResult();
            await hold._release.Task.WaitAsync(TimeSpan.FromMinutes(2));
            try
            {
                return await inner.RunAsync(context, input);
            }
            finally
            {
                hold.Ended.TrySetResult();
            }
        }
    }
}
