using System.Text.Json.Nodes;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Tests.Simulation.Model;
using Wrapped.Core.Users;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>The simulator takes its numbers from the model document: change one, and what it governs changes.</summary>
public sealed class ModelDrivenSimulationTests
{
    private static readonly SimulationCatalog Catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(300, 60, seed: 7));
    private static readonly DateOnly Start = new(2025, 6, 2);

    [Fact]
    public void SimulateDay_OneShortSessionOfFiveTracks_PlaysFiveADay()
    {
        var model = Edited("reference", r =>
        {
            r["sessions"]!["long"]!["count"] = JsonNode.Parse("""[{ "sessions": 0, "weight": 1 }]""");
            r["sessions"]!["short"]!["count"] = JsonNode.Parse("""{ "mean": 1.5, "sd": 0 }""");
            r["sessions"]!["short"]!["tracks"] = JsonNode.Parse("""{ "mean": 5, "sd": 0 }""");
        });

        var events = Simulate(model, "FNLC", 30);

        Assert.All(events.GroupBy(e => EventId.Decompose(e.Id).DaysSinceEpoch), day => Assert.Equal(5, day.Count()));
        Assert.All(events.GroupBy(e => EventId.Decompose(e.Id).DaysSinceEpoch), day => Assert.Single(day.Select(e => e.SessionId).Distinct()));
    }

    [Fact]
    public void SimulateDay_SkipProbabilityZero_PlaysEveryTrackWhole()
    {
        var model = Edited("reference", r => r["skips"]!["probability"] = 0);

        var events = Simulate(model, "ETVU", 20);

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal(Catalog.DurationMs(e.TrackIndex), e.ListeningTimeMs));
    }

    [Fact]
    public void SimulateDay_ReplayCertainAndNoSkips_PlaysOneTrackForever()
    {
        var model = Edited("reference", r =>
        {
            r["skips"]!["probability"] = 0;
            r["trackChoice"]!["replay"] = JsonNode.Parse("""{ "L": 1, "V": 1 }""");
        });

        var events = Simulate(model, "ETVU", 10);

        Assert.True(events.Count > 100);
        Assert.Single(events.Select(e => e.TrackIndex).Distinct());
    }

    [Fact]
    public void SimulateDay_SkippedPlaysWithHalfTheMeanListened_AreCutShortMoreOften()
    {
        // A skipped play lasts min(⌊Exp(mean = share × d)⌋, d): below d with probability 1 − e^(−1/share).
        var everySkipped = Edited("reference", r => r["skips"]!["probability"] = 1);
        var halfMean = Edited("reference", r =>
        {
            r["skips"]!["probability"] = 1;
            r["skips"]!["meanListenedShare"] = 0.5;
        });

        var whole = CutShortShare(Simulate(everySkipped, "ETVU", 60));
        var half = CutShortShare(Simulate(halfMean, "ETVU", 60));

        Assert.InRange(whole, 1 - Math.Exp(-1) - 0.03, 1 - Math.Exp(-1) + 0.03);
        Assert.InRange(half, 1 - Math.Exp(-2) - 0.03, 1 - Math.Exp(-2) + 0.03);
    }

    private static double CutShortShare(List<ListeningEvent> events) =>
        events.Count(e => e.ListeningTimeMs < Catalog.DurationMs(e.TrackIndex)) / (double)events.Count;

    private static List<ListeningEvent> Simulate(ListeningModel model, string personality, int days)
    {
        var user = new UserProfile(3, "u", "c", new DateOnly(1990, 1, 1), Gender.F, Personality.Parse(personality));
        return ReferenceModelTests.Simulate(new ListeningSimulator(Catalog, 11, model), user, days, Start);
    }

    private static ListeningModel Edited(string preset, Action<JsonObject> edit) => ListeningModel.Parse(ModelDocuments.Edited(preset, edit), "edited");
}
