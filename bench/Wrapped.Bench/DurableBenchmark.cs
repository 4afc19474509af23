using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Wrapped.Core.Feed;
using Wrapped.DurableHost.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// <c>durable</c>: the same run through the plain local runner and through the Durable orchestration on a private
/// Azurite, one after the other on this machine; the ratio is the orchestration's overhead.
/// </summary>
internal static class DurableBenchmark
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 2_000 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 365 };
        var parallelism = new Option<int>("--parallelism") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var partSize = new Option<int?>("--part-size") { Description = "Users per output file (default: as a run chooses)" };
        var work = new Option<string>("--work") { DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "wrapped-bench") };
        var command = new Command("durable", "Local runner versus Durable orchestration on Azurite, same run, same machine.") { users, days, parallelism, partSize, work };
        command.SetAction(async parse =>
        {
            await RunAsync(parse.GetValue(users), parse.GetValue(days), parse.GetValue(parallelism), parse.GetValue(partSize), parse.GetValue(work)!);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(int users, int days, int parallelism, int? chosenPartSize, string work)
    {
        var partSize = chosenPartSize ?? RunParameters.DefaultPartSizeFor(users);
        var log = Console.Out;
        var (catalogFolder, tracks, _) = await BenchInputs.PrepareAsync(work, log);
        var start = new DateOnly(2024, 1, 1);
        var parameters = new RunParameters
        {
            RunId = "bench-durable", Dataset = "bench", Users = users, Start = start, End = start.AddDays(days - 1), Seed = 42, PartSize = partSize,
        };
        var inputs = Path.Combine(work, "inputs");

        var localOut = Fresh(Path.Combine(work, "local"));
        var stopwatch = Stopwatch.StartNew();
        var local = await LocalFeedRunner.RunFromCsvAsync(new LocalFeedStore(localOut), parameters, new FeedStores(new LocalFeedStore(inputs), new LocalFeedStore(localOut)).Sources(InputFiles.InFolder("")),
            [], new RunSchedule(partSize, parallelism), null, CancellationToken.None);
        var localTime = stopwatch.Elapsed;

        var durableOut = Fresh(Path.Combine(work, "durable"));
        (TimeSpan At, string Stage) lastProgress = default;
        stopwatch.Restart();
        var request = new FeedRunRequest(parameters, InputFiles.InFolder(""), [], parameters.Start, parameters.End, partSize, parallelism);
        var result = await DurableFeedRunner.RunAsync(new FeedStores(new LocalFeedStore(inputs), new LocalFeedStore(durableOut)), request,
            new DurableRunOptions(null, Path.Combine(work, "azurite-" + Guid.NewGuid().ToString("N")), NullLoggerFactory.Instance),
            new Progress<RunProgress>(p => lastProgress = (stopwatch.Elapsed, p.Stage)), CancellationToken.None);
        var durableTime = stopwatch.Elapsed;

        var same = File.ReadAllText(Path.Combine(localOut, "runs", parameters.RunId, "_manifest.json"))
                   == File.ReadAllText(Path.Combine(durableOut, "runs", parameters.RunId, "_manifest.json"));
        log.WriteLine();
        log.WriteLine($"| {users:N0} users x {days} days, {parameters.PartCount} parts, parallelism {parallelism}, catalog {tracks:N0} tracks | time |");
        log.WriteLine("|---|---|");
        log.WriteLine($"| local runner (CLI run) | {localTime.TotalSeconds:N1} s ({local.Manifest.Counts.Events:N0} events) |");
        log.WriteLine($"| Durable orchestration on Azurite (run --durable) | {durableTime.TotalSeconds:N1} s ({result.Manifest.Counts.Events:N0} events) |");
        log.WriteLine($"| of which after the run reported {lastProgress.Stage} (worker drained, partition leases released, Azurite stopped) | {(durableTime - lastProgress.At).TotalSeconds:N1} s |");
        log.WriteLine($"| ratio durable / local | {durableTime.TotalSeconds / localTime.TotalSeconds:N2} |");
        log.WriteLine($"| manifests identical | {same} |");
        Directory.Delete(localOut, true);
        Directory.Delete(durableOut, true);
    }

    private static string Fresh(string folder)
    {
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        return folder;
    }
}
