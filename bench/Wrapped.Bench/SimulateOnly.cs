using System.Diagnostics;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;

namespace Wrapped.Bench;

/// <summary>The simulator alone, no encoding: users split over the workers, day-major within each, events counted.</summary>
internal static class SimulateOnly
{
    public static (long Events, long UserDays, TimeSpan Time) Run(SimulationCatalog catalog, ListeningModel model, int users, int days, DateOnly start, int parallelism)
    {
        var generator = new UserGenerator(42, start, model);
        var profiles = Enumerable.Range(0, users).Select(u => generator.Create(u)).ToArray();
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        Parallel.ForEach(Partitions(users, parallelism), new ParallelOptions { MaxDegreeOfParallelism = parallelism }, range =>
        {
            var simulator = new ListeningSimulator(catalog, 42, model);
            var sink = new CountingSink();
            var states = Enumerable.Range(range.Start, range.Count).Select(u => simulator.CreateInitialState(u)).ToArray();
            for (var d = 0; d < days; d++)
            {
                for (var i = 0; i < states.Length; i++) simulator.SimulateDay(profiles[range.Start + i], states[i], start.AddDays(d), sink);
            }
            Interlocked.Add(ref total, sink.Count);
        });
        return (total, (long)users * days, stopwatch.Elapsed);
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
