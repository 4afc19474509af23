using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>
/// <c>validate</c> on a run that was damaged the way a careless copy or a crash damages one. Where files are removed,
/// their manifest entries and counts are removed too, so only the completeness checks can notice.
/// </summary>
public sealed class RunValidatorTests : IDisposable
{
    private static readonly DateOnly Start = new(2024, 3, 1);
    private static readonly RunParameters Parameters = LocalRun.Parameters(users: 6, Start, Start.AddDays(2), partSize: 3);
    private readonly TempFolder _folder = new("validate");

    private string RunFolder => _folder.Combine("runs", Parameters.RunId);

    [Fact]
    public async Task Validate_UntouchedRun_IsValidAndNamedByItsManifest()
    {
        await RunAsync();

        var result = await ValidateAsync();

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(Parameters.RunId, result.RunId);
    }

    [Fact]
    public async Task Validate_DateFolderRemovedWithItsManifestEntries_ReportsEachMissingEventsFile()
    {
        await RunAsync();
        Directory.Delete(Path.Combine(RunFolder, "events", "date=2024-03-02"), recursive: true);
        ForgetInManifest(p => p.StartsWith("events/date=2024-03-02/", StringComparison.Ordinal));

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("events/date=2024-03-02/part-00000.avro", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("events/date=2024-03-02/part-00001.avro", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("events/date=2024-03-03/part-00001.avro")]
    [InlineData("users/part-00000.avro")]
    [InlineData("state/part-00001.avro")]
    [InlineData("catalog/artists.avro")]
    public async Task Validate_PartRemovedWithItsManifestEntry_ReportsIt(string path)
    {
        await RunAsync();
        File.Delete(Path.Combine(RunFolder, path));
        ForgetInManifest(p => p == path);

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains(path, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ManifestUsersDisagreeWithTheRunDefinitionAndFiles_ReportsBoth()
    {
        await RunAsync();
        EditManifest(m => m with { Parameters = m.Parameters with { Users = 9 }, Counts = m.Counts with { Users = 9 } });

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("_run.json", StringComparison.Ordinal) && p.Contains("users", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("users/", StringComparison.Ordinal) && p.Contains('6') && p.Contains('9'));
    }

    [Fact]
    public async Task Validate_ManifestEndDateDisagreesWithTheRunDefinition_ReportsIt()
    {
        await RunAsync();
        EditManifest(m => m with { Parameters = m.Parameters with { End = Start.AddDays(1) } });

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("_run.json", StringComparison.Ordinal) && p.Contains("2024-03-03", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_ManifestCountsDisagreeWithItsFiles_ReportsThem()
    {
        await RunAsync();
        EditManifest(m => m with { Counts = m.Counts with { Files = m.Counts.Files + 1, Bytes = m.Counts.Bytes - 1, Days = 2 } });

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("files", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("bytes", StringComparison.Ordinal));
        Assert.Contains(result.Problems, p => p.Contains("days", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("events/date=2024-03-01/part-00000.avro.0f3a9c.tmp")]
    [InlineData("events/date=2024-03-01/.part-00000.avro.0f3a9c.tmp")]
    [InlineData("state/.part-00001.avro.77e0c1.tmp")]
    [InlineData("notes.txt")]
    [InlineData("events/date=2024-03-01/part-00007.avro")]
    public async Task Validate_TemporaryOrUnknownFile_ReportsIt(string path)
    {
        await RunAsync();
        File.WriteAllText(Path.Combine(RunFolder, path), "left behind");

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains(path, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ \"formatVersion\": ")]
    [InlineData("")]
    [InlineData("[1, 2]")]
    public async Task Validate_CorruptManifest_IsAFindingNotACrash(string content)
    {
        await RunAsync();
        File.WriteAllText(Path.Combine(RunFolder, "_manifest.json"), content);

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("_manifest.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_MissingManifest_IsAFinding()
    {
        await RunAsync();
        File.Delete(Path.Combine(RunFolder, "_manifest.json"));

        var result = await ValidateAsync();

        Assert.False(result.IsValid);
        Assert.Contains(result.Problems, p => p.Contains("_manifest.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Validate_RunCopiedUnderAnotherName_IsNamedByItsManifestId()
    {
        await RunAsync();
        var copy = _folder.Combine("backup-of-yesterday");
        TempFolder.Copy(RunFolder, copy);

        var result = await RunValidator.ValidateAsync(new LocalFeedStore(copy), CancellationToken.None);

        Assert.True(result.IsValid, string.Join("\n", result.Problems));
        Assert.Equal(Parameters.RunId, result.RunId);
    }

    public void Dispose() => _folder.Dispose();

    private Task RunAsync() => LocalRun.RunAsync(_folder.Path, Parameters, new RunSchedule(3, 2));

    private Task<ValidationResult> ValidateAsync() =>
        RunValidator.ValidateAsync(new LocalFeedStore(RunFolder), CancellationToken.None);

    private void ForgetInManifest(Func<string, bool> removed) => EditManifest(m =>
    {
        var gone = m.Files.Where(f => removed(f.Path)).ToList();
        var goneEvents = gone.Where(f => f.Path.StartsWith("events/", StringComparison.Ordinal)).Sum(f => f.Records);
        return m with
        {
            Files = m.Files.Except(gone).ToList(),
            Counts = m.Counts with { Files = m.Counts.Files - gone.Count, Bytes = m.Counts.Bytes - gone.Sum(f => f.Bytes), Events = m.Counts.Events - goneEvents },
        };
    });

    private void EditManifest(Func<FeedManifest, FeedManifest> edit)
    {
        var path = Path.Combine(RunFolder, "_manifest.json");
        var manifest = FeedJson.Deserialize<FeedManifest>(File.ReadAllBytes(path), path);
        File.WriteAllBytes(path, FeedJson.Serialize(edit(manifest)));
    }
}
