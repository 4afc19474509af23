using Avro;
using Avro.File;
using Avro.Generic;
using Wrapped.TestSupport;

namespace Wrapped.Cli.Tests;

public sealed class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_PreparedCatalog_WritesARunWhoseCatalogIsTheSameBytes()
    {
        using var output = new TempFolder("simulate");
        Assert.Equal(0, (await CliRunner.RunAsync("prepare", "--out", output.Combine("catalog"))).ExitCode);

        var result = await CliRunner.RunAsync("simulate", "--catalog", output.Combine("catalog"), "--users", "10",
            "--start", "2025-01-01", "--end", "2025-01-03", "--seed", "5", "--out", output.Combine("feed"), "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var runFolder = output.Combine("feed", "runs", result.Json().GetProperty("runId").GetString()!);
        Assert.Equal(File.ReadAllBytes(output.Combine("catalog", "catalog", "tracks.avro")), File.ReadAllBytes(Path.Combine(runFolder, "catalog", "tracks.avro")));
        Assert.True(File.Exists(Path.Combine(runFolder, "events", "date=2025-01-03", "part-00000.avro")));
    }

    [Fact]
    public async Task Simulate_UnknownCatalogFolder_ExitsTwoWithoutWritingAnything()
    {
        using var output = new TempFolder("simulate-missing");

        var result = await CliRunner.RunAsync("simulate", "--catalog", output.Combine("nope"), "--users", "3", "--out", output.Combine("feed"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("feed")));
    }

    [Theory]
    [InlineData("--part-size", "0")]
    [InlineData("--part-size", "-3")]
    [InlineData("--batch-size", "0")]
    public async Task Simulate_NonPositiveSize_ExitsTwoNamingTheOption(string option, string value)
    {
        using var output = new TempFolder("simulate-size");

        var result = await CliRunner.RunAsync("simulate", "--catalog", output.Combine("catalog"), "--users", "3", option, value, "--out", output.Combine("feed"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"{option} must be at least 1", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output.Combine("feed")));
    }

    [Fact]
    public async Task Simulate_CatalogOfAnotherSchemaVersion_ExitsTwoWithoutWritingAnything()
    {
        using var output = new TempFolder("simulate-foreign");
        var catalog = Directory.CreateDirectory(output.Combine("catalog", "catalog")).FullName;
        WriteForeignTracksFile(Path.Combine(catalog, "tracks.avro"));
        File.Copy(Path.Combine(catalog, "tracks.avro"), Path.Combine(catalog, "artists.avro"));

        var result = await CliRunner.RunAsync("simulate", "--catalog", output.Combine("catalog"), "--users", "3",
            "--start", "2025-01-01", "--end", "2025-01-02", "--out", output.Combine("feed"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("schema", result.Stderr, StringComparison.OrdinalIgnoreCase);
        Assert.False(Directory.Exists(output.Combine("feed")));
    }

    private static void WriteForeignTracksFile(string path)
    {
        // A "version 0" track record: the reference's fields, not ours.
        var schema = (RecordSchema)Schema.Parse("""
            {"type":"record","name":"Track","namespace":"com.spotify.wrapped","fields":[
              {"name":"track_id","type":"string"},{"name":"duration","type":"int"},{"name":"artist","type":"string"}]}
            """);
        using var writer = DataFileWriter<GenericRecord>.OpenWriter(new GenericDatumWriter<GenericRecord>(schema), path);
        var record = new GenericRecord(schema);
        record.Add("track_id", "abc");
        record.Add("duration", 1000);
        record.Add("artist", "someone");
        writer.Append(record);
    }
}
