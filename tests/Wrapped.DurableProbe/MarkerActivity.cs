using Microsoft.DurableTask;

namespace Wrapped.DurableProbe;

/// <summary>
/// An idempotent side effect: writes <c>item-NNN</c> once (temp file, then rename) and logs every execution,
/// so the test can tell re-executions apart from duplicated effects.
/// </summary>
public sealed class MarkerActivity : TaskActivity<MarkerInput, int>
{
    public const string ExecutionLog = "executions.log";

    public override async Task<int> RunAsync(TaskActivityContext context, MarkerInput input)
    {
        File.AppendAllText(Path.Combine(input.MarkerDirectory, ExecutionLog), $"{input.Index}\n");

        // Widens the window in which a kill catches an activity half-done.
        await Task.Delay(150);

        string marker = Path.Combine(input.MarkerDirectory, $"item-{input.Index:D3}");
        if (!File.Exists(marker))
        {
            string temp = marker + "." + Guid.NewGuid().ToString("N") + ".tmp";
            await File.WriteAllTextAsync(temp, input.Index.ToString());
            File.Move(temp, marker, overwrite: true);
        }

        return input.Index;
    }
}
