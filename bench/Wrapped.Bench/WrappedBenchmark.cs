using System.CommandLine;
using System.Diagnostics;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// <c>wrapped</c>: Wrapped for a run's events (every part scored, the medians, every part classified, as the local
/// runner does it), and in the same process the decode-only rate of the same files: how close the aggregation comes
/// to just reading the events. The events are simulated once into the work folder, by a child process, so that this
/// process's peak working set is Wrapped's.
/// </summary>
internal static class WrappedBenchmark
{
    private const string RunId = "bench-wrapped";

    public static Command Create()
    {
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 10_000 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 365 };
        var parallelism = new Option<int>("--parallelism") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var work = new Option<string>("--work") { DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "wrapped-bench") };
        var repeat = new Option<int>("--repeat") { DefaultValueFactory = _ => 3, Description = "Wrapped runs, each between two decode-only passes; the median is reported" };
        var generateOnly = new Option<bool>("--generate-only") { Description = "Only simulate the events (what the benchmark runs in a child process)", Hidden = true };
        var onePart = new Option<int?>("--one-part") { Description = "For profiling: score one part again and again, each time after decoding it alone, on one thread" };
        var onePartDays = new Option<int?>("--one-part-days") { Description = "With --one-part: read only the first N days (e.g. under valgrind)" };
        var command = new Command("wrapped", "Wrapped for 10,000 users x 365 days: time, events/s, peak working set, and the decode-only rate of the same files.")
        {
            users, days, parallelism, work, repeat, generateOnly, onePart, onePartDays,
        };
        command.SetAction(async parse =>
        {
            var parameters = Parameters(parse.GetValue(users), parse.GetValue(days));
            var folder = Path.Combine(parse.GetValue(work)!, $"wrapped-{parameters.Users}x{parameters.Days}");
            if (parse.GetValue(generateOnly))
            {
                await GenerateAsync(parameters, parse.GetValue(work)!, folder, parse.GetValue(parallelism));
                return 0;
            }
            if (parse.GetValue(onePart) is { } part)
            {
                var read = parse.GetValue(onePartDays) is { } n ? parameters with { End = parameters.Start.AddDays(n - 1) } : parameters;
                await OnePartAsync(read, folder, part, Math.Max(1, parse.GetValue(repeat)));
                return 0;
            }
            await RunAsync(parameters, folder, parse.GetValue(parallelism), Math.Max(1, parse.GetValue(repeat)), parse.GetValue(work)!);
            return 0;
        });
        return command;
    }

    private static RunParameters Parameters(int users, int days)
    {
        var start = new DateOnly(2024, 1, 1);
        return new RunParameters
        {
            RunId = RunId, Dataset = "bench", Users = users, Start = start, End = start.AddDays(days - 1), Seed = 42, PartSize = RunParameters.DefaultPartSizeFor(users),
        };
    }

    private static async Task GenerateAsync(RunParameters parameters, string work, string folder, int parallelism)
    {
        var (catalogFolder, _, _) = await BenchInputs.PrepareAsync(work, Console.Out);
        var stopwatch = Stopwatch.StartNew();
        var outcome = await LocalFeedRunner.RunFromCatalogAsync(new LocalFeedStore(folder), parameters, new LocalFeedStore(catalogFolder), [],
            new RunSchedule(parameters.PartSize, parallelism), null, CancellationToken.None, computeWrapped: false);
        Console.WriteLine($"simulated {outcome.Manifest.Counts.Events:N0} events into {folder} in {stopwatch.Elapsed.TotalSeconds:N1} s");
    }

    private static async Task RunAsync(RunParameters parameters, string folder, int parallelism, int repeat, string work)
    {
        var log = Console.Out;
        log.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var layout = new FeedLayout(RunId);
        var store = new LocalFeedStore(folder);
        if (!await store.ExistsAsync(layout.Success, CancellationToken.None))
        {
            log.WriteLine($"Simulating {parameters.Users:N0} users x {parameters.Days} days into {folder} (a child process, once)");
            await GenerateInChildAsync(parameters, work, parallelism);
        }

        var warm = DecodeOnly(folder, layout, parameters, parallelism);
        log.WriteLine($"warm-up read: {warm.Events:N0} events in {warm.Time.TotalSeconds:N2} s");
        var runs = new List<(TimeSpan Time, double DecodeRate)>();
        var before = DecodeOnly(folder, layout, parameters, parallelism);
        for (var r = 0; r < repeat; r++)
        {
            for (var part = 0; part < parameters.PartCount; part++) await store.DeleteAsync(layout.WrappedOutcome(part), CancellationToken.None);
            var stopwatch = Stopwatch.StartNew();
            var phases = new PhaseClock(stopwatch, parameters.PartCount);
            await LocalWrappedRunner.RunAsync(store, layout, parameters, new RunSchedule(parameters.PartSize, parallelism), phases, CancellationToken.None);
            var time = stopwatch.Elapsed;
            var after = DecodeOnly(folder, layout, parameters, parallelism);
            var decodeRate = (before.Rate + after.Rate) / 2;
            runs.Add((time, decodeRate));
            log.WriteLine($"run {r + 1}: Wrapped {warm.Events:N0} events in {time.TotalSeconds:N2} s = {warm.Events / time.TotalSeconds / 1e6:N2} M events/s; "
                + $"decode only {before.Rate / 1e6:N2} before, {after.Rate / 1e6:N2} after; ratio {warm.Events / time.TotalSeconds / decodeRate:N2} "
                + $"(scoring {phases.Scored.TotalSeconds:N2} s, medians {(phases.Medians - phases.Scored).TotalSeconds:N2} s, classifying {(time - phases.Medians).TotalSeconds:N2} s)");
            before = after;
        }
        var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        var agreement = await WrappedStep.ReadAgreementAsync(store, layout, parameters, CancellationToken.None);
        var median = runs.OrderBy(x => x.Time).ElementAt(runs.Count / 2);
        var rate = warm.Events / median.Time.TotalSeconds;

        log.WriteLine();
        log.WriteLine($"| Wrapped, {parameters.Users:N0} users x {parameters.Days} days, parallelism {parallelism} (median of {runs.Count}) | figure |");
        log.WriteLine("|---|---|");
        log.WriteLine($"| time | {median.Time.TotalSeconds:N1} s (all runs: {string.Join(", ", runs.Select(x => x.Time.TotalSeconds.ToString("N1")))}) |");
        log.WriteLine($"| events/s | {rate / 1e6:N2} M ({warm.Events:N0} events) |");
        log.WriteLine($"| decode only, same files, around that run | {median.DecodeRate / 1e6:N2} M events/s |");
        log.WriteLine($"| Wrapped / decode only | {rate / median.DecodeRate:N2} |");
        log.WriteLine($"| peak working set | {peakMiB:N0} MiB |");
        if (agreement is not null)
        {
            log.WriteLine($"| personality agreement (F/E, T/N, L/V, C/U; exact) | {agreement.FamiliarityExploration:N3}, {agreement.TimelessnessNewness:N3}, "
                + $"{agreement.LoyaltyVariety:N3}, {agreement.CommonalityUniqueness:N3}; {agreement.ExactMatch:N3} over {agreement.Compared:N0} listener-years |");
        }
    }

    /// <summary>One part, one thread: the decode-only pass and the scoring step's processor time, side by side, repeatedly.</summary>
    private static async Task OnePartAsync(RunParameters parameters, string folder, int part, int repeat)
    {
        var layout = new FeedLayout(RunId);
        var store = new LocalFeedStore(folder);
        if (!await store.ExistsAsync(layout.Success, CancellationToken.None)) throw new InvalidOperationException($"Run the benchmark once first: {folder} holds no finished run.");
        if (Environment.GetEnvironmentVariable("WRAPPED_BENCH_DECODE_ONLY") == "1")
        {
            Console.WriteLine($"decode only: {DecodeOnly(folder, layout, parameters with { Users = Math.Min(parameters.Users, (part + 1) * parameters.PartSize) }, 1, part).Events:N0} events");
            return;
        }
        var process = Process.GetCurrentProcess();
        for (var r = 0; r < repeat; r++)
        {
            var cpu = process.TotalProcessorTime;
            var decoded = Environment.GetEnvironmentVariable("WRAPPED_BENCH_SCORE_ONLY") == "1" ? default : DecodeOnly(folder, layout, parameters with { Users = Math.Min(parameters.Users, (part + 1) * parameters.PartSize) }, 1, part);
            process.Refresh();
            var decodeCpu = process.TotalProcessorTime - cpu;
            var (collections, allocated) = (GC.CollectionCount(2), GC.GetTotalAllocatedBytes());
            cpu = process.TotalProcessorTime;
            var stopwatch = Stopwatch.StartNew();
            var scored = await WrappedStep.ScorePartAsync(store, layout, parameters, part, CancellationToken.None);
            process.Refresh();
            var scoreCpu = process.TotalProcessorTime - cpu;
            Console.WriteLine($"part {part}: decode only {decoded.Events:N0} events, {decodeCpu.TotalSeconds:N2} s of processor; scored {scored.Plays:N0} plays in {stopwatch.Elapsed.TotalSeconds:N2} s, "
                + $"{scoreCpu.TotalSeconds:N2} s of processor (ratio {decodeCpu / scoreCpu:N2}); gen2 {GC.CollectionCount(2) - collections}, allocated {(GC.GetTotalAllocatedBytes() - allocated) / 1048576:N0} MiB; "
                + $"peak working set {process.PeakWorkingSet64 / 1048576:N0} MiB");
        }
    }

    private static async Task GenerateInChildAsync(RunParameters parameters, string work, int parallelism)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        // Under `dotnet Wrapped.Bench.dll` the process is dotnet itself: pass the entry assembly first.
        var entry = System.Reflection.Assembly.GetEntryAssembly()!.Location;
        if (!Path.GetFileNameWithoutExtension(Environment.ProcessPath!).Equals(Path.GetFileNameWithoutExtension(entry), StringComparison.Ordinal)) start.ArgumentList.Add(entry);
        foreach (var argument in new[] { "wrapped", "--generate-only", "--users", $"{parameters.Users}", "--days", $"{parameters.Days}", "--work", work, "--parallelism", $"{parallelism}" })
            start.ArgumentList.Add(argument);
        using var child = Process.Start(start)!;
        await child.WaitForExitAsync();
        if (child.ExitCode != 0) throw new InvalidOperationException($"Simulating the events failed (exit {child.ExitCode}).");
    }

    /// <summary>Reads and decodes every event file of the run, parts spread over the workers, nothing aggregated.</summary>
    private static (long Events, TimeSpan Time, double Rate) DecodeOnly(string folder, FeedLayout layout, RunParameters parameters, int parallelism, int firstPart = 0)
    {
        long events = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.For(firstPart, parameters.PartCount, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, part =>
        {
            using var decoder = new EventFileDecoder();
            var buffer = new byte[1 << 20];
            var visitor = new ChecksumVisitor();
            long decoded = 0;
            for (var date = parameters.Start; date <= parameters.End; date = date.AddDays(1))
            {
                var path = Path.Combine(folder, layout.EventsPart(date, part));
                using var handle = File.OpenHandle(path);
                var length = (int)RandomAccess.GetLength(handle);
                if (length > buffer.Length) buffer = new byte[length];
                var read = 0;
                while (read < length) read += RandomAccess.Read(handle, buffer.AsSpan(read, length - read), read);
                decoded += decoder.Decode(buffer.AsMemory(0, length), path, ref visitor);
            }
            if (visitor.Sum == 42) Console.Write(""); // keeps the fields' decoding observable
            Interlocked.Add(ref events, decoded);
        });
        var time = stopwatch.Elapsed;
        return (events, time, events / time.TotalSeconds);
    }

    /// <summary>When the runner's three phases end, from its progress reports: every part scored, then the medians.</summary>
    private sealed class PhaseClock(Stopwatch stopwatch, int parts) : IProgress<RunProgress>
    {
        public TimeSpan Scored { get; private set; }

        public TimeSpan Medians { get; private set; }

        public void Report(RunProgress value)
        {
            if (value.BatchesDone == parts) Scored = stopwatch.Elapsed;
            if (value.BatchesDone == parts + 1) Medians = stopwatch.Elapsed;
        }
    }

    private struct ChecksumVisitor : IEventVisitor
    {
        public long Sum;

        public void Visit(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs) =>
            Sum += userId ^ timestampMs ^ listeningMs ^ trackIdAvro.Length;
    }
}
