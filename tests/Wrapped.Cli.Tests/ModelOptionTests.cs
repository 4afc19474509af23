using System.Globalization;
using System.Text.Json;
using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

/// <summary><c>--model</c>: a preset or a model file, refused with exit 2 naming the field when it is not valid, and copied into the run.</summary>
public sealed class ModelOptionTests
{
    private static readonly string ReferencePreset = File.ReadAllText(Path.Combine(RepoPaths.Root, "src/Wrapped.Core/Simulation/Model/Presets/reference.json"));

    [Theory]
    [InlineData("\"preferenceKept\": 0.75", "\"preferenceKept\": 1.5", "$.trackChoice.preferenceKept")]
    [InlineData("\"version\": 1,", "\"version\": 1, \"tempo\": 3,", "tempo")]
    public async Task Run_InvalidModelFile_ExitsTwoWithOneLineNamingTheFileAndField(string from, string to, string field)
    {
        using var folder = new TempFolder("bad-model");
        var path = folder.Combine("model.json");
        Assert.Contains(from, ReferencePreset, StringComparison.Ordinal);
        File.WriteAllText(path, ReferencePreset.Replace(from, to, StringComparison.Ordinal));

        var result = await CliRunner.RunAsync("run", "--users", "2", "--model", path, "--out", folder.Combine("out"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains(path, line, StringComparison.Ordinal);
        Assert.Contains(field, line, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("out")));
    }

    [Fact]
    public async Task Simulate_NoSuchModel_ExitsTwoNamingThePresets()
    {
        using var folder = new TempFolder("no-model");

        var result = await CliRunner.RunAsync("simulate", "--catalog", folder.Path, "--users", "2", "--model", "realist", "--out", folder.Combine("out"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("realist", line, StringComparison.Ordinal);
        Assert.Contains("reference, realistic", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_RealisticEndNotYetOverInHonolulu_ExitsTwoNamingTheZoneThatFinishesLast()
    {
        using var folder = new TempFolder("realistic-end");
        var today = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        var result = await CliRunner.RunAsync("run", "--users", "2", "--end", today, "--start", today, "--out", folder.Combine("out"));

        var line = CliAssert.OneLineRejection(result);
        Assert.Contains("--end", line, StringComparison.Ordinal);
        Assert.Contains("Pacific/Honolulu", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ModelFile_IsCopiedIntoTheRunNamedByItsHashAndValidates()
    {
        using var folder = new TempFolder("model-file");
        var path = folder.Combine("mine.json");
        var mine = ReferencePreset.Replace("\"name\": \"reference\"", "\"name\": \"mine\"", StringComparison.Ordinal);
        File.WriteAllText(path, mine);
        string[] run = ["run", "--users", "3", "--start", "2025-03-01", "--end", "2025-03-02", "--json"];

        var fromFile = await CliRunner.RunAsync([.. run, "--model", path, "--out", folder.Combine("file")]);
        var fromPreset = await CliRunner.RunAsync([.. run, "--model", "reference", "--out", folder.Combine("preset")]);

        Assert.True(fromFile.ExitCode == 0, fromFile.ToString());
        Assert.True(fromPreset.ExitCode == 0, fromPreset.ToString());
        var runFolder = fromFile.Json().GetProperty("folder").GetString()!;
        Assert.NotEqual(Path.GetFileName(runFolder), Path.GetFileName(fromPreset.Json().GetProperty("folder").GetString()!));
        Assert.Equal(mine, File.ReadAllText(Path.Combine(runFolder, "_model.json")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "_manifest.json")));
        var parameters = manifest.RootElement.GetProperty("parameters");
        Assert.Equal(Core.Simulation.Model.ListeningModel.Parse(mine, path).Hash, parameters.GetProperty("modelHash").GetString());
        // A model without time zones: no TZDB in the run's definition.
        Assert.False(parameters.TryGetProperty("timeZoneDatabase", out var tzdb) && tzdb.ValueKind != JsonValueKind.Null, $"timeZoneDatabase: {tzdb}");
        var validate = await CliRunner.RunAsync("validate", runFolder);
        Assert.True(validate.ExitCode == 0, validate.ToString());
    }
}
