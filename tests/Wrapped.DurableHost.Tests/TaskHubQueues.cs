using System.Diagnostics;
using Azure.Storage.Queues;

namespace Wrapped.DurableHost.Tests;

/// <summary>
/// The queues of a task hub on Azurite. A message stays in its queue (counted, visible or not) until the work it
/// carries is committed, so once every queue of a hub is empty no start, event or activity is still on its way:
/// what the hub's instances show then is final. Tests wait for that instead of sleeping.
/// </summary>
internal static class TaskHubQueues
{
    public static async Task WaitUntilEmptyAsync(string connectionString, string taskHub, TimeSpan timeout)
    {
        var service = new QueueServiceClient(connectionString);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var waiting = 0;
            await foreach (var queue in service.GetQueuesAsync(prefix: taskHub.ToLowerInvariant()))
            {
                waiting += (await service.GetQueueClient(queue.Name).GetPropertiesAsync()).Value.ApproximateMessagesCount;
            }
            if (waiting == 0) return;
            if (clock.Elapsed > timeout) throw new TimeoutException($"Task hub {taskHub} still has {waiting} message(s) after {timeout.TotalSeconds:0} s.");
            await Task.Delay(100);
        }
    }
}
