using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Functions;

/// <summary>Every night, each run marked daily gets the days up to yesterday simulated and appended.</summary>
public sealed class DailyTimerFunction(DailyExtender extender, ILogger<DailyTimerFunction> logger)
{
    [Function(nameof(ExtendDailyRuns))]
    public async Task<IReadOnlyList<string>> ExtendDailyRuns(
        [TimerTrigger(FunctionSettings.DailySchedule)] TimerInfo timer,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var started = await extender.ExtendAllAsync(client, cancellationToken);
        logger.LogInformation("Nightly extension started {Count} run(s): {Instances}", started.Count, string.Join(", ", started));
        return started;
    }
}
