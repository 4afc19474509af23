using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.DurableHost;
using Wrapped.DurableHost.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary>
/// <c>worker</c>: one more durable worker on an existing task hub, the scale-out story on one machine. Start a run
/// with <c>run --durable</c> (with <c>WRAPPED_DURABLE_STORAGE</c> set), and any number of workers beside it: batches
/// are pulled from the hub's shared work-item queue by whichever worker is free. Runs until Ctrl-C or stdin closes.
/// </summary>
internal static class WorkerCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var input = new Option<string>("--input") { Description = "Folder with the run's input CSVs", DefaultValueFactory = _ => CommonOptions.BundledSampleFolder };
        var output = new Option<string>("--out") { Description = "Folder the runs are written under", DefaultValueFactory = _ => "out" };
        var taskHub = new Option<string>("--task-hub") { Description = "Task hub to serve", DefaultValueFactory = _ => DurableFeedRunner.TaskHubName };
        var concurrency = CommonOptions.Int("--concurrency", "Activities this worker runs at once", CommonOptions.Defaults.MaxParallelBatches, 1, Core.Feed.RunLimits.MaxParallelBatches);
        var command = new Command("worker", $"Serve a task hub as one more durable worker (storage from ${RunCommand.DurableStorageVariable}).")
        {
            input, output, taskHub, concurrency,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, json: false);
            try
            {
                var connection = Environment.GetEnvironmentVariable(RunCommand.DurableStorageVariable)
                    ?? throw new Pipeline.Steps.FeedInputException($"Set {RunCommand.DurableStorageVariable} to the task hub's storage connection string.");
                var stores = new FeedStores(
                    new LocalFeedStore(CommonOptions.ExistingFolder(parse.GetValue(input)!, "input")), new LocalFeedStore(parse.GetValue(output)!));
                var gate = new Lock();
                await using var host = LocalDurableHost.Create(
                    new LocalDurableHostOptions
                    {
                        ConnectionString = connection,
                        TaskHubName = parse.GetValue(taskHub)!,
                        MaxConcurrentActivities = parse.GetValue(concurrency),
                    },
                    registry => FeedRegistrations.Register(registry, stores, (name, activityInput) =>
                    {
                        lock (gate) stdout.WriteLine(ActivityLine(name, activityInput));
                    }));
                await host.StartAsync(cancellationToken);
                lock (gate) stdout.WriteLine("ready");
                stdout.Flush();
                await Task.WhenAny(Console.In.ReadToEndAsync(cancellationToken), Task.Delay(Timeout.Infinite, cancellationToken));
                cancellationToken.ThrowIfCancellationRequested();
                return ExitCodes.Done;
            }
            catch (Exception e)
            {
                return console.Fail(e);
            }
        });
        return command;
    }

    private static string ActivityLine(string name, object? input) => input is SimulateBatchInput batch
        ? $"done {name} run={batch.Parameters.RunId} parts={string.Join(',', batch.Parts)}"
        : $"done {name}";
}
