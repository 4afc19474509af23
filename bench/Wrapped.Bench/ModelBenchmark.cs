using System.CommandLine;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// <c>models</c>: the simulator's cost under each listening model, on the reference-scale catalog, in one process. The
/// presets alternate (A B B A …) so that the machine's drift over minutes falls on both alike; each pair gives a ratio.
/// The cost is the processor time the process spent, per user-day: on a machine shared with other work, wall time
/// also counts the time the scheduler gave to others.
/// </summary>
internal static class ModelBenchmark
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 2000 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 365 };
        var parallelism = new Option<int>("--parallelism") { DefaultValueFactory = _ => 1, Description = "Workers (1: the cost on one core, undisturbed by the other)" };
        var work = new Option<string>("--work") { DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "wrapped-bench") };
        var repeat = new Option<int>("--repeat") { DefaultValueFactory = _ => 3, Description = "Pairs of runs" };
        var models = new Option<string>("--models") { DefaultValueFactory = _ => "reference,realistic", Description = "Two presets or model files, comma-separated; the first is the baseline" };
        var encode = new Option<bool>("--encode") { Description = "Encode and deflate the events too (to nowhere): the simulator's share of a run's work and the writer's" };
        var command = new Command("models", "Simulation-only cost of each listening model (ns per user-day and per event), alternated, with their ratio.")
        {
            users, days, parallelism, work, repeat, models, encode,
        };
        command.SetAction(async parse =>
        {
            await RunAsync(parse.GetValue(users), parse.GetValue(days), parse.GetValue(parallelism), parse.GetValue(work)!, Math.Max(1, parse.GetValue(repeat)),
                parse.GetValue(models)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(ListeningModel.Load).ToArray(), parse.GetValue(encode));
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(int users, int days, int parallelism, string work, int repeat, ListeningModel[] models, bool encode)
    {
        if (models.Length != 2) throw new ArgumentException("--models takes two models: a baseline and the one to compare.");
        var log = Console.Out;
        var (catalogFolder, tracks, _) = await BenchInputs.PrepareAsync(work, log);
        var catalog = await CatalogCache.GetAsync(new LocalFeedStore(catalogFolder), FeedLayout.AtStoreRoot(), CancellationToken.None);
        var start = new DateOnly(2024, 1, 1);
        log.WriteLine($"{tracks:N0} catalog tracks; {users:N0} users x {days} days, parallelism {parallelism}; models {string.Join(" and ", models.Select(m => m.ToString()))}; {(encode ? "simulated, encoded and deflated" : "simulated only")}");

        // A short warm-up of each, so that neither pays for compiling the hot loops.
        foreach (var model in models) SimulateOnly.Run(catalog, model, Math.Min(users, 200), Math.Min(days, 30), start, parallelism, encode);

        var ratios = new List<double>();
        var perModel = models.Select(_ => new List<double>()).ToArray();
        for (var r = 0; r < repeat; r++)
        {
            var order = r % 2 == 0 ? new[] { 0, 1, 1, 0 } : [1, 0, 0, 1];
            var nsPerUserDay = new double[2];
            foreach (var m in order)
            {
                var (events, userDays, time, cpu) = SimulateOnly.Run(catalog, models[m], users, days, start, parallelism, encode);
                var ns = cpu.TotalNanoseconds / userDays;
                nsPerUserDay[m] += ns / 2;
                perModel[m].Add(ns);
                log.WriteLine($"  {models[m].Name,-12} {events:N0} events ({events / (double)userDays:N2} a user-day) in {time.TotalSeconds:N2} s ({cpu.TotalSeconds:N2} s of processor time): {ns:N0} ns a user-day, {cpu.TotalNanoseconds / events:N1} ns an event");
            }
            ratios.Add(nsPerUserDay[1] / nsPerUserDay[0]);
            log.WriteLine($"pair {r + 1}: {models[1].Name} / {models[0].Name} = {ratios[^1]:N3} per user-day");
        }
        log.WriteLine();
        log.WriteLine($"| model | processor ns a user-day (runs) |");
        log.WriteLine("|---|---|");
        for (var m = 0; m < 2; m++) log.WriteLine($"| {models[m].Name} | {string.Join(", ", perModel[m].Select(x => x.ToString("N0")))} |");
        log.WriteLine($"| ratio {models[1].Name} / {models[0].Name} | {string.Join(", ", ratios.Select(x => x.ToString("N3")))} (median {ratios.Order().ElementAt(ratios.Count / 2):N3}) |");
    }
}
