using System.CommandLine;
using System.Diagnostics;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// <c>e2e</c>: the issue's three rates on one machine, in one process: simulation only (no encoding), encode and
/// deflate only (from events simulated beforehand: the writer's practical bound), and end to end to local disk;
/// then the process's peak working set. With <c>--models A,B</c>, end to end only, under two listening models in turn
/// (A B B A …, so that the machine's drift falls on both alike), each pair giving the ratio of B's time to A's.
/// </summary>
internal static class EndToEndBenchmark
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 10_000 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 365 };
        var parallelism = new Option<int>("--parallelism") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var work = new Option<string>("--work") { DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "wrapped-bench") };
        var keep = new Option<bool>("--keep") { Description = "Keep the end-to-end output instead of deleting it" };
        var partSize = new Option<int?>("--part-size") { Description = "Users per output file (default: as a run chooses)" };
        var output = new Option<string?>("--out") { Description = "Folder for the end-to-end output (default: under --work)" };
        var events = new Option<string>("--events") { DefaultValueFactory = _ => "disk", Description = "disk; hashed (events hashed, not stored); discarded (events neither hashed nor stored)" };
        var endToEndOnly = new Option<bool>("--end-to-end-only") { Description = "Skip the simulation-only and encode-only phases (for profiling)" };
        var repeat = new Option<int>("--repeat") { DefaultValueFactory = _ => 5, Description = "End-to-end runs, each followed by its encode-only bound; the median ratio is reported (with --models: pairs of runs)" };
        var model = new Option<string>("--model") { DefaultValueFactory = _ => ListeningModel.DefaultPresetName, Description = "Listening model: reference, realistic or a model file" };
        var models = new Option<string?>("--models") { Description = "Two models, comma-separated (e.g. reference,realistic): end-to-end runs of each, alternated, with the ratio of the second's time to the first's" };
        var command = new Command("e2e", "Simulation-only, encode+deflate-only and end-to-end events/s, and peak working set.")
        {
            users, days, parallelism, work, keep, partSize, output, endToEndOnly, repeat, events, model, models,
        };
        command.SetAction(async parse =>
        {
            if (parse.GetValue(models) is { } pair)
            {
                var compared = pair.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ListeningModel.Load).ToArray();
                if (compared.Length != 2) throw new ArgumentException($"--models takes two models, not '{pair}'.");
                await CompareModelsAsync(parse.GetValue(users), parse.GetValue(days), parse.GetValue(parallelism), parse.GetValue(work)!,
                    parse.GetValue(partSize), Math.Max(1, parse.GetValue(repeat)), parse.GetValue(events)!, compared[0], compared[1]);
                return 0;
            }
            Model = RunModels.Remember(ListeningModel.Load(parse.GetValue(model)!));
            await RunAsync(parse.GetValue(users), parse.GetValue(days), parse.GetValue(parallelism), parse.GetValue(work)!, parse.GetValue(keep),
                parse.GetValue(partSize), parse.GetValue(output), parse.GetValue(endToEndOnly), Math.Max(1, parse.GetValue(repeat)), parse.GetValue(events)!);
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(int users, int days, int parallelism, string work, bool keep, int? partSize, string? outputFolder, bool endToEndOnly, int repeat, string eventsTo)
    {
        var log = Console.Out;
        log.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var (catalogFolder, tracks, prepareTime) = await BenchInputs.PrepareAsync(work, log);
        log.WriteLine($"prepare: {tracks:N0} catalog tracks in {prepareTime.TotalSeconds:N2} s");

        var start = Start;
        var parameters = Parameters(users, days, partSize).WithModel(Model);
        log.WriteLine($"model: {Model}");

        // End to end first, so the peak working set is the run's and not the other phases'. Then, for each repeat, the
        // writer's bound right after the run it is compared with: this machine's speed drifts by tens of percent over
        // minutes, and a bound measured at another time would compare two different machines. From the second run on,
        // the bound is the mean of those measured just before and just after the run, which brackets the drift.
        var output = outputFolder ?? Path.Combine(work, $"out-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var runs = new List<RunFigures>();
        double peakMiB = 0;
        SimulationCatalog? catalog = null;
        ListeningEvent[]? encodeInput = null;
        (long Events, long Bytes, TimeSpan Time) encode = default;
        double? boundBefore = null;
        for (var r = 0; r < repeat; r++)
        {
            // Each run into a folder of its own, all deleted at the end: a run that follows the deletion of thousands of
            // files pays for it in the file system (ext4 skips recently freed inodes when it allocates), a user's run does not.
            var flushed = FileSystemFlush.Run();
            var run = await EndToEndAsync(parameters, catalogFolder, Path.Combine(output, $"run-{r + 1}"), parallelism, eventsTo);
            if (r == 0) peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
            if (!endToEndOnly)
            {
                catalog ??= await CatalogCache.GetAsync(new LocalFeedStore(catalogFolder), FeedLayout.AtStoreRoot(), CancellationToken.None);
                encodeInput ??= EncodeInput(catalog, start);
                flushed += FileSystemFlush.Run();
                encode = EncodeOnly(catalog, encodeInput, parallelism);
                var boundAfter = encode.Events / encode.Time.TotalSeconds;
                run = run with { EncodeRate = boundBefore is { } before ? (before + boundAfter) / 2 : boundAfter };
                boundBefore = boundAfter;
            }
            runs.Add(run);
            log.WriteLine($"run {r + 1}: {run.Events:N0} events in {run.Elapsed.TotalSeconds:N2} s = {run.Rate / 1e6:N2} M events/s"
                + (endToEndOnly ? "" : $"; encode + deflate only {run.EncodeRate / 1e6:N2} M events/s (after the run: {boundBefore / 1e6:N2}); ratio {run.Rate / run.EncodeRate:N2}")
                + $"; {run.Cores:N2} cores busy; allocated {run.Allocated / 1048576.0:N0} MiB, {run.Collections} collections, GC pauses {run.GcPauses.TotalSeconds:N2} s"
                + $"; write-back between phases {flushed.TotalSeconds:N1} s");
        }
        if (!keep) Directory.Delete(output, recursive: true);
        if (endToEndOnly) return;

        // Simulation only: the same days as the run (later days carry larger heard sets), for enough users to take a few seconds.
        var simUsers = Math.Min(users, 2000);
        var (simEvents, _, simTime, _) = SimulateOnly.Run(catalog!, ListeningModel.Reference, simUsers, days, start, parallelism);
        var simRate = simEvents / simTime.TotalSeconds;

        var median = runs.OrderBy(x => x.Rate / x.EncodeRate).ElementAt(runs.Count / 2);
        var first = runs[0];
        log.WriteLine();
        log.WriteLine($"| measure ({users:N0} users x {days} days, parallelism {parallelism}; median of {runs.Count} by ratio) | figure |");
        log.WriteLine("|---|---|");
        log.WriteLine($"| end to end to local disk (deflate) | {median.Events:N0} events in {median.Elapsed.TotalSeconds:N1} s = {median.Rate / 1e6:N2} M events/s, {median.Cores:N2} cores busy |");
        log.WriteLine($"| output | {first.Files:N0} files, {first.Bytes / 1048576.0:N0} MiB ({first.Bytes / (double)first.Events:N1} bytes/event) |");
        log.WriteLine($"| simulation only ({simUsers:N0} users x {days} days) | {simRate / 1e6:N2} M events/s |");
        log.WriteLine($"| encode + deflate only, around that run ({encode.Events:N0} events a pass) | {median.EncodeRate / 1e6:N2} M events/s |");
        log.WriteLine($"| end to end / encode-only | {median.Rate / median.EncodeRate:N2} (all runs: {string.Join(", ", runs.Select(x => (x.Rate / x.EncodeRate).ToString("N2")))}) |");
        log.WriteLine($"| peak working set (first run) | {peakMiB:N0} MiB |");
        log.WriteLine($"| end to end: allocated, collections, GC pauses | {median.Allocated / 1048576.0:N0} MiB, {median.Collections:N0}, {median.GcPauses.TotalSeconds:N2} s |");
    }

    /// <summary>The listening model of the runs (<c>--model</c>).</summary>
    private static ListeningModel Model { get; set; } = ListeningModel.Realistic;

    private static readonly DateOnly Start = new(2024, 1, 1);

    private static RunParameters Parameters(int users, int days, int? partSize) => new()
    {
        RunId = "bench", Dataset = "bench", Users = users, Start = Start, End = Start.AddDays(days - 1), Seed = 42, PartSize = partSize ?? RunParameters.DefaultPartSizeFor(users),
    };

    /// <summary>End-to-end runs under <paramref name="baseline"/> and <paramref name="other"/>, alternated A B B A …, with each pair's ratio of times.</summary>
    private static async Task CompareModelsAsync(
        int users, int days, int parallelism, string work, int? partSize, int pairs, string eventsTo, ListeningModel baseline, ListeningModel other)
    {
        var log = Console.Out;
        log.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average {LoadAverage()}");
        var (catalogFolder, tracks, _) = await BenchInputs.PrepareAsync(work, log);
        log.WriteLine($"{users:N0} users x {days} days, {tracks:N0} catalog tracks, parallelism {parallelism}; {baseline} against {other}");
        var output = Path.Combine(work, $"models-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
        var ratios = new List<double>();
        var figures = new Dictionary<ListeningModel, List<RunFigures>> { [baseline] = [], [other] = [] };
        var run = 0;
        for (var pair = 0; pair < pairs; pair++)
        {
            var times = new Dictionary<ListeningModel, RunFigures>();
            foreach (var model in pair % 2 == 0 ? new[] { baseline, other } : [other, baseline])
            {
                RunModels.Remember(model);
                FileSystemFlush.Run();
                // Each run into a folder of its own, all deleted at the end, as the other mode does (see there).
                var figure = await EndToEndAsync(Parameters(users, days, partSize).WithModel(model), catalogFolder, Path.Combine(output, $"run-{++run}"), parallelism, eventsTo);
                times[model] = figure;
                figures[model].Add(figure);
                log.WriteLine($"pair {pair + 1}, {model.Name}: {figure.Events:N0} events in {figure.Elapsed.TotalSeconds:N2} s = {figure.Rate / 1e6:N2} M events/s, {figure.Cores:N2} cores busy ({figure.Cores * figure.Elapsed.TotalSeconds:N1} s of processor time)");
            }
            ratios.Add(times[other].Elapsed / times[baseline].Elapsed);
            log.WriteLine($"pair {pair + 1}: {other.Name} / {baseline.Name} time = {ratios[^1]:N3}; load average {LoadAverage()}");
        }
        Directory.Delete(output, recursive: true);

        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        log.WriteLine();
        log.WriteLine($"| end to end ({users:N0} users x {days} days, parallelism {parallelism}, {pairs} pairs) | {baseline.Name} | {other.Name} |");
        log.WriteLine("|---|---|---|");
        log.WriteLine($"| median time | {Median(figures[baseline].Select(f => f.Elapsed.TotalSeconds)):N2} s | {Median(figures[other].Select(f => f.Elapsed.TotalSeconds)):N2} s |");
        log.WriteLine($"| events | {figures[baseline][0].Events:N0} | {figures[other][0].Events:N0} |");
        log.WriteLine($"| median M events/s | {Median(figures[baseline].Select(f => f.Rate)) / 1e6:N2} | {Median(figures[other].Select(f => f.Rate)) / 1e6:N2} |");
        log.WriteLine($"| median processor time | {Median(figures[baseline].Select(f => f.Cores * f.Elapsed.TotalSeconds)):N1} s | {Median(figures[other].Select(f => f.Cores * f.Elapsed.TotalSeconds)):N1} s |");
        log.WriteLine($"| time ratio {other.Name} / {baseline.Name} | median {Median(ratios):N3} (pairs: {string.Join(", ", ratios.Select(r => r.ToString("N3")))}) | |");
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private sealed record RunFigures(long Events, long Files, long Bytes, TimeSpan Elapsed, long Allocated, int Collections, TimeSpan GcPauses)
    {
        public double Rate => Events / Elapsed.TotalSeconds;
        public double EncodeRate { get; init; } = double.NaN;
        /// <summary>Processor time over wall time: how many cores the run kept busy.</summary>
        public double Cores { get; init; }
    }

    private static async Task<RunFigures> EndToEndAsync(RunParameters parameters, string catalogFolder, string output, int parallelism, string eventsTo)
    {
        var local = new LocalFeedStore(output);
        IFeedStore store = eventsTo switch
        {
            "disk" => local,
            "hashed" => new DiscardingEventsStore(local, hash: true),
            "discarded" => new DiscardingEventsStore(local, hash: false),
            _ => throw new ArgumentException($"--events: disk, hashed or discarded, not '{eventsTo}'."),
        };
        CatalogCache.Clear();
        var (allocated, paused, collections) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        var outcome = await LocalFeedRunner.RunFromCatalogAsync(store, parameters, new LocalFeedStore(catalogFolder), [],
            new RunSchedule(parameters.PartSize, parallelism), null, CancellationToken.None, computeWrapped: false);
        var elapsed = stopwatch.Elapsed;
        var busy = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        var counts = outcome.Manifest.Counts;
        return new RunFigures(counts.Events, counts.Files, counts.Bytes, elapsed, GC.GetTotalAllocatedBytes() - allocated,
            GC.CollectionCount(0) - collections, GC.GetTotalPauseDuration() - paused)
        {
            Cores = busy / elapsed,
        };
    }

    /// <summary>The events every encode-only pass writes: 500 users × 60 days, simulated once.</summary>
    private static ListeningEvent[] EncodeInput(SimulationCatalog catalog, DateOnly start)
    {
        var generator = new UserGenerator(42, start);
        var simulator = new ListeningSimulator(catalog, 42);
        var buffered = new BufferingSink();
        for (var u = 0; u < 500; u++)
        {
            var state = simulator.CreateInitialState(u);
            for (var d = 0; d < 60; d++) simulator.SimulateDay(generator.Create(u), state, start.AddDays(d), buffered);
        }
        return buffered.Events.ToArray();
    }

    private static (long Events, long Bytes, TimeSpan Time) EncodeOnly(SimulationCatalog catalog, ListeningEvent[] events, int parallelism)
    {
        long bytes = 0, encoded = 0;
        // Passes until a few seconds have gone by: one pass is a fraction of a second, too short to be a stable figure.
        var stopwatch = Stopwatch.StartNew();
        while (stopwatch.Elapsed < MinimumPhase)
        {
            Parallel.For(0, parallelism, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, worker =>
            {
                var counter = new CountingStream();
                using (var writer = new AvroContainerWriter(counter, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(worker, "bench")))
                {
                    var sink = new EventFileSink(writer, catalog);
                    foreach (ref readonly var e in events.AsSpan()) sink.Add(e);
                    writer.Finish();
                }
                Interlocked.Add(ref bytes, counter.Length);
            });
            encoded += (long)events.Length * parallelism;
        }
        return (encoded, bytes, stopwatch.Elapsed);
    }

    private static readonly TimeSpan MinimumPhase = TimeSpan.FromSeconds(4);

    private sealed class BufferingSink : IListeningEventSink
    {
        public readonly List<ListeningEvent> Events = new(1 << 20);
        public void Add(in ListeningEvent listeningEvent) => Events.Add(listeningEvent);
    }
}
