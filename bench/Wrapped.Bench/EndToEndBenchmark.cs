using System.CommandLine;
using System.Diagnostics;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// <c>e2e</c>: the three rates on one machine, in one process: simulation only (no encoding), encode and
/// deflate only (from events simulated beforehand: the writer's practical bound), and end to end to local disk;
/// then the process's peak working set.
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
        var partSize = new Option<int>("--part-size") { DefaultValueFactory = _ => RunParameters.DefaultPartSize, Description = "Users per output file" };
        var output = new Option<string?>("--out") { Description = "Folder for the end-to-end output (default: under --work)" };
        var endToEndOnly = new Option<bool>("--end-to-end-only") { Description = "Skip the simulation-only and encode-only phases (for profiling)" };
        var command = new Command("e2e", "Simulation-only, encode+deflate-only and end-to-end events/s, and peak working set.")
        {
            users, days, parallelism, work, keep, partSize, output, endToEndOnly,
        };
        command.SetAction(async parse =>
        {
            await RunAsync(parse.GetValue(users), parse.GetValue(days), parse.GetValue(parallelism), parse.GetValue(work)!, parse.GetValue(keep),
                parse.GetValue(partSize), parse.GetValue(output), parse.GetValue(endToEndOnly));
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(int users, int days, int parallelism, string work, bool keep, int partSize, string? outputFolder, bool endToEndOnly)
    {
        var log = Console.Out;
        log.WriteLine($"Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1L << 30)} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        var (catalogFolder, tracks, prepareTime) = await BenchInputs.PrepareAsync(work, log);
        log.WriteLine($"prepare: {tracks:N0} catalog tracks in {prepareTime.TotalSeconds:N2} s");

        var start = new DateOnly(2024, 1, 1);
        var parameters = new RunParameters
        {
            RunId = "bench", Dataset = "bench", Users = users, Start = start, End = start.AddDays(days - 1), Seed = 42, PartSize = partSize,
        };

        // 1. End to end first, so the peak working set is the run's and not the micro phases'.
        var output = outputFolder ?? Path.Combine(work, "out");
        if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        var (allocatedBefore, pausedBefore, gcsBefore) = (GC.GetTotalAllocatedBytes(), GC.GetTotalPauseDuration(), GC.CollectionCount(0));
        var stopwatch = Stopwatch.StartNew();
        var outcome = await LocalFeedRunner.RunFromCatalogAsync(new LocalFeedStore(output), parameters, new LocalFeedStore(catalogFolder), [],
            new RunSchedule(parameters.PartSize, parallelism), null, CancellationToken.None);
        var endToEnd = stopwatch.Elapsed;
        var gc = (Allocated: GC.GetTotalAllocatedBytes() - allocatedBefore, Paused: GC.GetTotalPauseDuration() - pausedBefore, Collections: GC.CollectionCount(0) - gcsBefore);
        var peakMiB = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        var events = outcome.Manifest.Counts.Events;
        var endToEndRate = events / endToEnd.TotalSeconds;

        if (endToEndOnly)
        {
            log.WriteLine($"end to end: {events:N0} events in {endToEnd.TotalSeconds:N2} s = {endToEndRate / 1e6:N2} M events/s, {outcome.Manifest.Counts.Files:N0} files; "
                + $"allocated {gc.Allocated / 1048576.0:N0} MiB, {gc.Collections} collections, GC pauses {gc.Paused.TotalSeconds:N2} s");
            if (!keep) Directory.Delete(output, recursive: true);
            return;
        }

        // 2. Simulation only: the same kind of work with a sink that only counts.
        var catalog = await CatalogCache.GetAsync(new LocalFeedStore(catalogFolder), FeedLayout.AtStoreRoot(), CancellationToken.None);
        // The same days as the run (later days carry larger heard sets), for enough users to take a few seconds.
        var simUsers = Math.Min(users, 2000);
        var simDays = days;
        var (simEvents, simTime) = SimulateOnly(catalog, simUsers, simDays, start, parallelism);
        var simRate = simEvents / simTime.TotalSeconds;

        // 3. Encode + deflate only, from events simulated beforehand, one writer per core.
        var (encEvents, encBytes, encTime) = EncodeOnly(catalog, start, parallelism);
        var encRate = encEvents / encTime.TotalSeconds;

        log.WriteLine();
        log.WriteLine($"| measure ({users:N0} users x {days} days, parallelism {parallelism}) | figure |");
        log.WriteLine("|---|---|");
        log.WriteLine($"| end to end to local disk (deflate) | {events:N0} events in {endToEnd.TotalSeconds:N1} s = {endToEndRate / 1e6:N2} M events/s |");
        log.WriteLine($"| output | {outcome.Manifest.Counts.Files:N0} files, {outcome.Manifest.Counts.Bytes / 1048576.0:N0} MiB ({outcome.Manifest.Counts.Bytes / (double)events:N1} bytes/event) |");
        log.WriteLine($"| simulation only ({simUsers:N0} users x {simDays} days) | {simRate / 1e6:N2} M events/s |");
        log.WriteLine($"| encode + deflate only ({encEvents:N0} events) | {encRate / 1e6:N2} M events/s ({encBytes / encTime.TotalSeconds / 1048576.0:N0} MiB/s out) |");
        log.WriteLine($"| end to end / encode-only | {endToEndRate / encRate:N2} |");
        log.WriteLine($"| peak working set | {peakMiB:N0} MiB |");
        log.WriteLine($"| end to end: allocated, collections, GC pauses | {gc.Allocated / 1048576.0:N0} MiB, {gc.Collections:N0}, {gc.Paused.TotalSeconds:N2} s |");
        if (!keep) Directory.Delete(output, recursive: true);
    }

    private static (long Events, TimeSpan Time) SimulateOnly(SimulationCatalog catalog, int users, int days, DateOnly start, int parallelism)
    {
        var generator = new UserGenerator(42, start);
        var profiles = Enumerable.Range(0, users).Select(u => generator.Create(u)).ToArray();
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.ForEach(Partitioner(users, parallelism), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, range =>
        {
            var simulator = new ListeningSimulator(catalog, 42);
            var sink = new CountingSink();
            var states = Enumerable.Range(range.Start, range.Count).Select(u => simulator.CreateInitialState(u)).ToArray();
            for (var d = 0; d < days; d++)
            {
                for (var i = 0; i < states.Length; i++) simulator.SimulateDay(profiles[range.Start + i], states[i], start.AddDays(d), sink);
            }
            Interlocked.Add(ref total, sink.Count);
        });
        return (total, stopwatch.Elapsed);
    }

    private static (long Events, long Bytes, TimeSpan Time) EncodeOnly(SimulationCatalog catalog, DateOnly start, int parallelism)
    {
        var generator = new UserGenerator(42, start);
        var simulator = new ListeningSimulator(catalog, 42);
        var buffered = new BufferingSink();
        for (var u = 0; u < 500; u++)
        {
            var state = simulator.CreateInitialState(u);
            for (var d = 0; d < 60; d++) simulator.SimulateDay(generator.Create(u), state, start.AddDays(d), buffered);
        }
        var events = buffered.Events.ToArray();
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

    private static IEnumerable<(int Start, int Count)> Partitioner(int users, int parts)
    {
        var size = (users + parts - 1) / parts;
        for (var start = 0; start < users; start += size) yield return (start, Math.Min(size, users - start));
    }

    private sealed class CountingSink : IListeningEventSink
    {
        public long Count;
        public void Add(in ListeningEvent listeningEvent) => Count++;
    }

    private sealed class BufferingSink : IListeningEventSink
    {
        public readonly List<ListeningEvent> Events = new(1 << 20);
        public void Add(in ListeningEvent listeningEvent) => Events.Add(listeningEvent);
    }

    /// <summary>Counts what is written and keeps nothing: measures the writer, not the disk.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
