using System.Text.Json.Nodes;
using Wrapped.Core.Simulation.Model;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Simulation.Model;

public sealed class ListeningModelTests
{
    [Fact]
    public void Reference_Numbers_AreSpecSectionFour()
    {
        var d = ListeningModel.Reference.Document;

        Assert.Equal([(3, 0.02), (0, 0.08), (1, 0.40), (2, 0.50)], d.Sessions.Long.Count.Select(c => (c.Sessions, c.Weight)));
        Assert.Equal(new FlooredNormal(10, 2), d.Sessions.Long.Tracks);
        Assert.Equal(new FlooredNormal(5, 1), d.Sessions.Short.Count);
        Assert.Equal(new FlooredNormal(5, 1), d.Sessions.Short.Tracks);
        Assert.Equal(new LoyaltyOdds(0.20, 0.05), d.TrackChoice.Replay);
        Assert.Equal(new LoyaltyOdds(0.50, 0.10), d.TrackChoice.PreviousArtist);
        Assert.Equal(new FamiliarityOdds(0.95, 0.50), d.TrackChoice.HeardArtists);
        Assert.Equal(3, d.TrackChoice.NewnessRate);
        Assert.Equal(0.75, d.TrackChoice.PreferenceKept);
        Assert.Equal(1.0 / 3.0, d.Skips.Probability);
        Assert.Equal(1, d.Skips.MeanListenedShare);
        Assert.Null(d.Population);
        Assert.Null(d.Activity);
        Assert.Null(d.Rhythm);
        Assert.False(ListeningModel.Reference.HasTimeZones);
        Assert.Equal(["UTC"], ListeningModel.Reference.TimeZoneIds);
    }

    [Fact]
    public void Realistic_IsTheDefaultAndAddsPopulationActivityAndRhythm()
    {
        var d = ListeningModel.Realistic.Document;

        Assert.Equal(ListeningModel.RealisticName, ListeningModel.DefaultPresetName);
        Assert.NotNull(d.Population);
        Assert.NotNull(d.Activity);
        Assert.NotNull(d.Rhythm);
        Assert.True(ListeningModel.Realistic.HasTimeZones);
        Assert.Equal(["Europe", "North America", "Latin America", "Rest of World"], d.Population!.Regions.Select(r => r.Region));
        Assert.NotEmpty(d.Population.Sources!);
        Assert.Contains("America/New_York", ListeningModel.Realistic.TimeZoneIds);
    }

    [Theory]
    [InlineData("reference")]
    [InlineData("realistic")]
    public void Presets_RepositoryFiles_PassThePublishedSchemaAndLoadAsTheEmbeddedOnes(string name)
    {
        var text = File.ReadAllText(ModelDocuments.PresetPath(name));

        Assert.Empty(ModelDocuments.PublishedSchemaFailures(text));
        Assert.Equal(ListeningModel.Preset(name).Hash, ListeningModel.Parse(text, "file").Hash);
        Assert.Equal(text, ListeningModel.Preset(name).Text);
        Assert.Equal("preset " + name, ListeningModel.Preset(name).Origin);
    }

    [Fact]
    public void SchemaText_Embedded_IsTheRepositoryFile()
    {
        Assert.Equal(File.ReadAllText(ModelDocuments.SchemaPath), ListeningModel.SchemaText);
    }

    // Each document breaks one rule; the loader and the published schema (evaluated on its own) must both reject it at that path.
    public static TheoryData<string, string, string> BadDocuments => new()
    {
        { "unknown top-level field", Edit("reference", r => r["seed"] = 3), "$.seed" },
        { "unknown nested field", Edit("reference", r => r["sessions"]!["long"]!["tracksPerSession"] = 3), "$.sessions.long.tracksPerSession" },
        { "misspelled letter", Edit("reference", r => r["trackChoice"]!["replay"]!["l"] = 0.2), "$.trackChoice.replay.l" },
        { "probability above 1", Edit("reference", r => r["trackChoice"]!["replay"]!["L"] = 1.5), "$.trackChoice.replay.L" },
        { "probability below 0", Edit("reference", r => r["skips"]!["probability"] = -0.1), "$.skips.probability" },
        { "C/U keep above 1", Edit("reference", r => r["trackChoice"]!["preferenceKept"] = 2), "$.trackChoice.preferenceKept" },
        { "long-session weights all 0", Edit("reference", r => { foreach (var c in r["sessions"]!["long"]!["count"]!.AsArray()) c!["weight"] = 0; }), "$.sessions.long.count" },
        { "negative weight", Edit("reference", r => r["sessions"]!["long"]!["count"]![1]!["weight"] = -0.08), "$.sessions.long.count[1].weight" },
        { "weekday curve all 0", Edit("realistic", r => r["rhythm"]!["weekday"] = Zeros(24)), "$.rhythm.weekday" },
        { "zone weights all 0", Edit("realistic", r => r["population"]!["regions"]![1]!["countries"]![0]!["timeZones"]![0]!["weight"] = 0, zeroAllZonesOfFirstUsCountry: true), "$.population.regions[1].countries[0].timeZones" },
        { "region shares all 0", Edit("realistic", r => { foreach (var g in r["population"]!["regions"]!.AsArray()) g!["share"] = 0; }), "$.population.regions" },
        { "idle probability 1", Edit("realistic", r => r["activity"]!["idleDayProbability"] = 1), "$.activity.idleDayProbability" },
        { "23 hourly weights", Edit("realistic", r => r["rhythm"]!["weekend"]!.AsArray().RemoveAt(0)), "$.rhythm.weekend" },
        { "missing section", Edit("reference", r => r.Remove("skips")), "$" },
        { "unsupported version", Edit("reference", r => r["version"] = 2), "$.version" },
        { "newness rate 0", Edit("reference", r => r["trackChoice"]!["newnessRate"] = 0), "$.trackChoice.newnessRate" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public void Parse_BadDocument_IsRejectedByLoaderAndPublishedSchemaNamingTheField(string what, string json, string path)
    {
        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(json, "my-model.json"));

        Assert.True(error.JsonPath == path, $"{what}: the loader named {error.JsonPath}, not {path} ({error.Message})");
        Assert.Equal("my-model.json", error.File);
        Assert.StartsWith($"my-model.json: {path}: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Contains(path, ModelDocuments.PublishedSchemaFailures(json));
    }

    [Fact]
    public void Parse_ProbabilityOutsideZeroOne_SaysItIsAProbability()
    {
        var json = Edit("reference", r => r["trackChoice"]!["heardArtists"]!["E"] = 1.25);

        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(json, "m.json"));

        Assert.Equal("m.json: $.trackChoice.heardArtists.E: is a probability and must be between 0 and 1, not 1.25.", error.Message);
    }

    [Fact]
    public void Parse_WeightsSummingToZero_SaysSo()
    {
        var json = Edit("realistic", r => r["rhythm"]!["weekend"] = Zeros(24));

        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(json, "m.json"));

        Assert.Equal("$.rhythm.weekend", error.JsonPath);
        Assert.Contains("sum to a positive number", error.Reason);
    }

    [Fact]
    public void Parse_SeveralProblems_ReportsEachWithItsPath()
    {
        var json = Edit("reference", r =>
        {
            r["trackChoice"]!["replay"]!["V"] = 7;
            r["skips"]!["extra"] = true;
        });

        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(json, "m.json"));

        Assert.Equal(["$.trackChoice.replay.V", "$.skips.extra"], error.Problems.Select(p => p.JsonPath).Order(StringComparer.Ordinal).Reverse());
    }

    [Fact]
    public void Parse_UnknownTimeZone_IsRejectedNamingTheField()
    {
        var json = Edit("realistic", r => r["population"]!["regions"]![0]!["countries"]![2]!["timeZones"]![0]!["zone"] = "Europe/Atlantis");

        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(json, "m.json"));

        Assert.Equal("$.population.regions[0].countries[2].timeZones[0].zone", error.JsonPath);
        Assert.Contains("'Europe/Atlantis'", error.Reason);
    }

    [Fact]
    public void Parse_CountryListedTwice_IsRejected()
    {
        var json = Edit("realistic", r => r["population"]!["regions"]![3]!["countries"]![0]!["country"] = "Germany");

        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(json, "m.json"));

        Assert.Equal("$.population.regions[3].countries[0].country", error.JsonPath);
    }

    [Fact]
    public void Parse_NotJson_NamesTheLine()
    {
        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse("{\n  \"version\": 1,\n  oops\n}", "broken.json"));

        Assert.Equal("$", error.JsonPath);
        Assert.Contains("line 3", error.Reason);
    }

    [Fact]
    public void Load_PresetNameOrFile_LoadsEither()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "mine.json");
        File.WriteAllText(path, Edit("reference", r => r["name"] = "mine"));

        Assert.Same(ListeningModel.Reference, ListeningModel.Load("reference"));
        Assert.Same(ListeningModel.Realistic, ListeningModel.Load("realistic"));
        var mine = ListeningModel.Load(path);
        Assert.Equal("mine", mine.Name);
        Assert.Equal(path, mine.Origin);
    }

    [Fact]
    public void Load_NeitherPresetNorFile_IsRejectedNamingIt()
    {
        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Load("realstic"));

        Assert.Equal("realstic", error.File);
        Assert.Contains("reference, realistic", error.Reason);
    }

    [Fact]
    public void Hash_Reference_IsThePinnedCanonicalHash()
    {
        // Computed by a separate canonicalizer (Python: keys sorted, no spaces, numbers as shortest doubles, $schema left out).
        Assert.Equal("6468086a4717764859213249af92b9055750976c2ce97e530ffbbba7c9cea52a", ListeningModel.Reference.Hash);
    }

    [Fact]
    public void Hash_SameNumbersOtherLayout_IsTheSame()
    {
        var reordered = new JsonObject(JsonNode.Parse(ListeningModel.Reference.Text)!.AsObject()
            .Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())).Reverse());
        reordered.Remove("$schema");
        var text = reordered.ToJsonString().Replace("0.2,", "2e-1,", StringComparison.Ordinal).Replace("0.50", "0.5", StringComparison.Ordinal);

        Assert.NotEqual(ListeningModel.Reference.Text, text);
        Assert.Equal(ListeningModel.Reference.Hash, ListeningModel.Parse(text, "compact").Hash);
    }

    [Fact]
    public void Hash_OneNumberChanged_Differs()
    {
        var changed = ListeningModel.Parse(Edit("reference", r => r["trackChoice"]!["preferenceKept"] = 0.76), "changed");

        Assert.NotEqual(ListeningModel.Reference.Hash, changed.Hash);
        Assert.NotEqual(ListeningModel.Reference.Hash, ListeningModel.Realistic.Hash);
    }

    [Fact]
    public void Parse_FromManyThreadsAtOnce_GivesEachTheSameAnswer()
    {
        // Activities of one process load the run's model concurrently.
        var bad = Edit("reference", r => r["skips"]!["probability"] = 3);
        var results = new string[16];

        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            try
            {
                results[i] = ListeningModel.Parse(i % 2 == 0 ? ListeningModel.Realistic.Text : bad, "m.json").Hash;
            }
            catch (ListeningModelException e)
            {
                results[i] = e.Message;
            }
        });

        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal(ListeningModel.Realistic.Hash, r));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal("m.json: $.skips.probability: is a probability and must be between 0 and 1, not 3.", r));
    }

    [Fact]
    public void Parse_UnknownField_SaysItIsNoFieldOfTheModel()
    {
        var error = Assert.Throws<ListeningModelException>(() => ListeningModel.Parse(Edit("reference", r => r["skips"]!["skipRate"] = 0.3), "m.json"));

        Assert.Equal("m.json: $.skips.skipRate: is not a field of the listening model here (check its spelling and place).", error.Message);
    }

    [Fact]
    public void Parse_ItsOwnText_GivesTheSameModel()
    {
        var again = ListeningModel.Parse(ListeningModel.Realistic.Text, "_model.json");

        Assert.Equal(ListeningModel.Realistic.Hash, again.Hash);
        Assert.Equal(ListeningModel.Realistic.TimeZoneIds, again.TimeZoneIds);
    }

    [Theory]
    [InlineData("2025-03-10T09:59:59Z", "2025-03-08")] // Honolulu (UTC−10) ends 9 March at 10:00 UTC on the 10th
    [InlineData("2025-03-10T10:00:00Z", "2025-03-09")]
    [InlineData("2025-07-01T00:30:00Z", "2025-06-29")]
    public void LatestEndedLocalDate_Realistic_WaitsForTheLastZoneToFinishTheDay(string now, string expected)
    {
        Assert.Contains("Pacific/Honolulu", ListeningModel.Realistic.TimeZoneIds);

        Assert.Equal(DateOnly.Parse(expected), ListeningModel.Realistic.LatestEndedLocalDate(DateTimeOffset.Parse(now)));
    }

    [Theory]
    [InlineData("2025-03-10T00:00:00Z", "2025-03-09")]
    [InlineData("2025-03-10T23:59:59Z", "2025-03-09")]
    public void LatestEndedLocalDate_Reference_IsYesterdayUtc(string now, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), ListeningModel.Reference.LatestEndedLocalDate(DateTimeOffset.Parse(now)));
    }

    private static JsonArray Zeros(int count) => new([.. Enumerable.Range(0, count).Select(_ => (JsonNode?)JsonValue.Create(0))]);

    private static string Edit(string preset, Action<JsonObject> edit, bool zeroAllZonesOfFirstUsCountry = false) =>
        ModelDocuments.Edited(preset, root =>
        {
            edit(root);
            if (zeroAllZonesOfFirstUsCountry)
            {
                foreach (var zone in root["population"]!["regions"]![1]!["countries"]![0]!["timeZones"]!.AsArray())
                {
                    zone!["weight"] = 0;
                }
            }
        });
}
