using System.CommandLine;
using System.Diagnostics;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Bench;

/// <summary>
/// <c>agreement</c>: does the generator do what it claims? A whole local run (default parameters, Wrapped included) on
/// the reference-scale inputs or on a folder of the three CSVs, then the manifest's agreement of the personalities
/// inferred from the events with the generated ones.
/// </summary>
internal static class AgreementBenchmark
{
    public static Command Create()
    {
        var users = new Option<int>("--users") { DefaultValueFactory = _ => 2_000 };
        var days = new Option<int>("--days") { DefaultValueFactory = _ => 365 };
        var inputs = new Option<string>("--inputs") { DefaultValueFactory = _ => "reference", Description = "reference (the generated reference-scale inputs) or a folder with tracks.csv, tracks_extended.csv and artists.csv" };
        var work = new Option<string>("--work") { DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "wrapped-bench") };
        var parallelism = new Option<int>("--parallelism") { DefaultValueFactory = _ => Environment.ProcessorCount };
        var model = new Option<string>("--model") { DefaultValueFactory = _ => ListeningModel.DefaultPresetName, Description = "Listening model: reference, realistic or a model file" };
        var command = new Command("agreement", "Personality agreement (inferred from the events vs generated) of a whole run, as its manifest reports it.")
        {
            users, days, inputs, work, parallelism, model,
        };
        command.SetAction(async parse =>
        {
            await RunAsync(parse.GetValue(users), parse.GetValue(days), parse.GetValue(inputs)!, parse.GetValue(work)!, parse.GetValue(parallelism),
                RunModels.Remember(ListeningModel.Load(parse.GetValue(model)!)));
            return 0;
        });
        return command;
    }

    private static async Task RunAsync(int users, int days, string inputs, string work, int parallelism, ListeningModel model)
    {
        var start = new DateOnly(2024, 1, 1);
        var parameters = new RunParameters
        {
            RunId = "agreement", Dataset = "agreement", Users = users, Start = start, End = start.AddDays(days - 1), Seed = 42, PartSize = RunParameters.DefaultPartSizeFor(users),
        }.WithModel(model);
        var output = Path.Combine(work, $"agreement-{Guid.NewGuid():N}");
        var store = new LocalFeedStore(output);
        var schedule = new RunSchedule(parameters.PartSize, parallelism);
        var stopwatch = Stopwatch.StartNew();
        try
        {
            RunOutcome outcome;
            if (inputs == "reference")
            {
                var (catalogFolder, _, _) = await BenchInputs.PrepareAsync(work, Console.Out);
                outcome = await LocalFeedRunner.RunFromCatalogAsync(store, parameters, new LocalFeedStore(catalogFolder), [], schedule, null, CancellationToken.None);
            }
            else
            {
                var sources = new Core.Catalog.CatalogSources(
                    CsvSource.FromFile(Path.Combine(inputs, "tracks.csv")),
                    CsvSource.FromFile(Path.Combine(inputs, "tracks_extended.csv")),
                    CsvSource.FromFile(Path.Combine(inputs, "artists.csv")));
                outcome = await LocalFeedRunner.RunFromCsvAsync(store, parameters, sources, [], schedule, null, CancellationToken.None);
            }
            var counts = outcome.Manifest.Counts;
            var agreement = outcome.Manifest.PersonalityAgreement ?? throw new InvalidOperationException("The run's manifest reports no personality agreement.");
            Console.WriteLine($"inputs {inputs}, model {model.Name}: {counts.CatalogTracks:N0} catalog tracks by {counts.CatalogArtists:N0} artists; {users:N0} users x {days} days, "
                + $"{counts.Events:N0} events, {stopwatch.Elapsed.TotalSeconds:N1} s");
            Console.WriteLine($"| F/E | T/N | L/V | C/U | exact | listener-years |");
            Console.WriteLine($"|---|---|---|---|---|---|");
            Console.WriteLine($"| {agreement.FamiliarityExploration:0.000} | {agreement.TimelessnessNewness:0.000} | {agreement.LoyaltyVariety:0.000} | "
                + $"{agreement.CommonalityUniqueness:0.000} | {agreement.ExactMatch:0.000} | {agreement.Compared:N0} |");
            // A median split gives each letter to exactly half the listeners: with k of n generated with a dimension's
            // first letter, at least |k − n/2| of them are misread whatever the scores.
            var personalities = new List<Core.Users.Personality>();
            for (var part = 0; part < parameters.PartCount; part++)
            {
                await using var stream = await store.OpenReadAsync(new FeedLayout(parameters.RunId).UsersPart(part), CancellationToken.None);
                personalities.AddRange(Core.Avro.UserRecordCodec.ReadAll(stream).Select(u => u.Personality));
            }
            double Ceiling(Func<Core.Users.Personality, bool> first) => 1 - Math.Abs(personalities.Count(first) - personalities.Count / 2.0) / personalities.Count;
            Console.WriteLine($"| ceiling of a median split: {Ceiling(p => p.Familiar):0.000} | {Ceiling(p => p.Newness):0.000} | {Ceiling(p => p.Loyal):0.000} | {Ceiling(p => p.Common):0.000} | | |");
        }
        finally
        {
            if (Directory.Exists(output)) Directory.Delete(output, recursive: true);
        }
    }
}
