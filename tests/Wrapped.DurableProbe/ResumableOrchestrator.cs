using Microsoft.DurableTask;

namespace Wrapped.DurableProbe;

/// <summary>Steps through items one at a time, so a kill lands mid-run with some steps done and some not.</summary>
public sealed class ResumableOrchestrator : TaskOrchestrator<ResumableInput, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, ResumableInput input)
    {
        int done = 0;
        for (int i = 0; i < input.Count; i++)
        {
            await context.CallActivityAsync<int>(nameof(MarkerActivity), new MarkerInput(input.MarkerDirectory, i));
            done++;
            context.SetCustomStatus(done);
        }

        return done;
    }
}
