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

    [Fact]
    public async Task Validate_EventMovedOutOfItsListenersLocalDay_ReportsTheFileTheUserAndTheDay()
    {
        await RunAsync();
        const string path = "events/date=2024-03-02/part-00001.avro";
        var file = Path.Combine(RunFolder, path);
        var events = Core.Avro.EventRecordCodec.ReadAll(new MemoryStream(File.ReadAllBytes(file))).ToList();
        // A day later: its start is then at or after the end of its listener's local day, whatever the zone.
        var moved = events[^1] with { TimestampMs = events[^1].TimestampMs + 86_400_000 };
        events[^1] = moved;
        RewriteEvents(path, events);

        var result = await ValidateAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Contains(path, problem, StringComparison.Ordinal);
        Assert.Contains("1 events outside their listener's local day 2024-03-02", problem, StringComparison.Ordinal);
        Assert.Contains($"user {moved.UserId} in ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_EventOfAUserOfAnotherPart_ReportsIt()
    {
        await RunAsync();
        const string path = "events/date=2024-03-03/part-00000.avro";
        var events = Core.Avro.EventRecordCodec.ReadAll(new MemoryStream(File.ReadAllBytes(Path.Combine(RunFolder, path)))).ToList();
        events[0] = events[0] with { UserId = Parameters.Users - 1 };
        RewriteEvents(path, events);

        var result = await ValidateAsync();

        var problem = Assert.Single(result.Problems);
        Assert.Contains($"{path} holds 1 events of users who are not in part 0 (the first: user {Parameters.Users - 1})", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_ModelFileMissing_ReportsIt()
    {
        await RunAsync();
        File.Delete(Path.Combine(RunFolder, "_model.json"));

        var result = await ValidateAsync();

        Assert.Contains("_model.json is missing: the run does not say which listening model made it.", result.Problems);
    }

    [Fact]
    public async Task Validate_ModelFileChanged_ReportsThatItIsNotTheManifestsModel()
    {
        await RunAsync();
        var path = Path.Combine(RunFolder, "_model.json");
        File.WriteAllText(path, File.ReadAllText(path).Replace("\"preferenceKept\": 0.75", "\"preferenceKept\": 0.7", StringComparison.Ordinal));

        var result = await ValidateAsync();

        var problem = Assert.Single(result.Problems);
        Assert.StartsWith("_model.json is the listening model ", problem, StringComparison.Ordinal);
        Assert.Contains($"the manifest names {Parameters.ModelHash[..12]}", problem, StringComparison.Ordinal);
    }

    /// <summary>Rewrites an events file with <paramref name="events"/> and its manifest entry to match, so that only the events' content is wrong.</summary>
    private void RewriteEvents(string path, IReadOnlyList<Core.Avro.EventRecord> events)
    {
        var bytes = new MemoryStream(EventFiles.Write(events, Parameters.Codec, Parameters.Seed, path));
        File.WriteAllBytes(Path.Combine(RunFolder, path), bytes.ToArray());
        var entry = new LedgerFile(path, bytes.Length, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.ToArray())), events.Count);
        EditManifest(m => m with
        {
            Files = m.Files.Select(f => f.Path == path ? entry : f).ToList(),
            Counts = m.Counts with { Bytes = m.Counts.Bytes - m.Files.Single(f => f.Path == path).Bytes + entry.Bytes },
        });
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
