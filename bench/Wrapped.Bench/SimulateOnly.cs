using System.Diagnostics;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;

namespace Wrapped.Bench;

/// <summary>
/// The simulator alone: users split over the workers, day-major within each, events counted; or, with
/// <c>encode</c>, each worker's events encoded and deflated into one container that goes nowhere (the writer's work
/// without the disk's).
/// </summary>
internal static class SimulateOnly
{
    /// <returns>Events, user-days, wall time, and the processor time the process spent meanwhile (less disturbed by a busy machine).</returns>
    public static (long Events, long UserDays, TimeSpan Time, TimeSpan Cpu) Run(SimulationCatalog catalog, ListeningModel model, int users, int days, DateOnly start, int parallelism, bool encode = false)
    {
        var generator = new UserGenerator(42, start, model);
        var profiles = Enumerable.Range(0, users).Select(u => generator.Create(u)).ToArray();
        long total = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var stopwatch = Stopwatch.StartNew();
        Parallel.ForEach(Partitions(users, parallelism), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, range =>
        {
            var simulator = new ListeningSimulator(catalog, 42, model);
            var counter = new CountingSink();
            using var writer = encode ? new AvroContainerWriter(Stream.Null, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(42, "bench")) : null;
            IListeningEventSink sink = writer is null ? counter : new EventFileSink(writer, catalog);
            var states = Enumerable.Range(range.Start, range.Count).Select(u => simulator.CreateInitialState(u)).ToArray();
            for (var d = 0; d < days; d++)
            {
                for (var i = 0; i < states.Length; i++) simulator.SimulateDay(profiles[range.Start + i], states[i], start.AddDays(d), sink);
            }
            writer?.Finish();
            Interlocked.Add(ref total, writer?.RecordCount ?? counter.Count);
        });
        var elapsed = stopwatch.Elapsed;
        return (total, (long)users * days, elapsed, Process.GetCurrentProcess().TotalProcessorTime - cpu);
    }

    private static IEnumerable<(int Start, int Count)> Partitions(int users, int parts)
    {
        var size = (users + parts - 1) / parts;
        for (var start = 0; start < users; start += size) yield return (start, Math.Min(size, users - start));
    }

    private sealed class CountingSink : IListeningEventSink
    {
        public long Count;
        public void Add(in ListeningEvent listeningEvent) => Count++;
    }
}
