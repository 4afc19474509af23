using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>A run carries its listening model in <c>_model.json</c>, and goes on with that one, not with whatever this process knows.</summary>
[Collection(nameof(RunModelTests))] // RunModels is process-wide: these tests clear it.
public sealed class RunModelTests
{
    /// <summary>The reference model's numbers under another name: another hash, so no preset, and the reference's bytes.</summary>
    private static ListeningModel Mine() => ListeningModel.Parse(
        ListeningModel.Reference.Text.Replace("\"name\": \"reference\"", "\"name\": \"mine\"", StringComparison.Ordinal), "mine.json");

    [Fact]
    public async Task Extend_ModelFileTheProcessNoLongerKnows_GoesOnWithTheRunsModelFile()
    {
        var mine = RunModels.Remember(Mine());
        var parameters = ReferenceModelBytesTests.Pinned.WithModel(mine);
        using var folder = new TempFolder("own-model");

        await LocalRun.RunAsync(folder.Path, parameters with { End = parameters.Start.AddDays(2) }, new RunSchedule(12, 2));
        RunModels.Clear();
        Assert.Null(RunModels.Find(mine.Hash));
        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(12, 2));

        Assert.Equal(mine.Text, File.ReadAllText(Path.Combine(folder.Path, "runs", parameters.RunId, "_model.json")));
        Assert.Equal(ReferenceModelBytesTests.BeforeModels, ReferenceModelBytesTests.DataFileChecksums(folder.Path));
        Assert.True((await RunValidator.ValidateAsync(new Wrapped.Pipeline.Storage.LocalFeedStore(Path.Combine(folder.Path, "runs", parameters.RunId)), CancellationToken.None)).IsValid);
    }

    [Fact]
    public async Task Extend_ModelFileChangedAfterTheRunStarted_IsRefusedNamingIt()
    {
        var mine = RunModels.Remember(Mine());
        var parameters = ReferenceModelBytesTests.Pinned.WithModel(mine);
        using var folder = new TempFolder("changed-model");
        await LocalRun.RunAsync(folder.Path, parameters with { End = parameters.Start.AddDays(1) }, new RunSchedule(12, 2));
        var modelFile = Path.Combine(folder.Path, "runs", parameters.RunId, "_model.json");
        File.WriteAllText(modelFile, mine.Text.Replace("0.75", "0.7", StringComparison.Ordinal));
        RunModels.Clear();

        var refused = await Assert.ThrowsAsync<FeedInputException>(() => LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(12, 2)));

        Assert.Contains("_model.json is the listening model", refused.Message, StringComparison.Ordinal);
        Assert.Contains($"not the run's {mine.Hash[..12]}", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Extend_RunRecordedBeforeModels_StaysAReferenceRunAndGetsItsModelFileWithTheExtension()
    {
        var parameters = ReferenceModelBytesTests.Pinned;
        using var folder = new TempFolder("before-models");
        await LocalRun.RunAsync(folder.Path, parameters with { End = parameters.Start.AddDays(2) }, new RunSchedule(12, 2));
        var run = Path.Combine(folder.Path, "runs", parameters.RunId);
        // What the code before models left: no _model.json, and parameters without a model or a TZDB.
        File.Delete(Path.Combine(run, "_model.json"));
        foreach (var (file, node) in new[] { ("_run.json", "parameters"), ("_manifest.json", "parameters") })
        {
            var json = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(run, file)))!;
            Assert.True(json[node]!.AsObject().Remove("modelHash"));
            json[node]!.AsObject().Remove("timeZoneDatabase");
            File.WriteAllText(Path.Combine(run, file), json.ToJsonString());
        }

        await LocalRun.RunAsync(folder.Path, parameters, new RunSchedule(12, 2));

        Assert.Equal(ListeningModel.Reference.Text, File.ReadAllText(Path.Combine(run, "_model.json")));
        Assert.Equal(ReferenceModelBytesTests.BeforeModels, ReferenceModelBytesTests.DataFileChecksums(folder.Path));
        var validation = await RunValidator.ValidateAsync(new Wrapped.Pipeline.Storage.LocalFeedStore(run), CancellationToken.None);
        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
    }
}
