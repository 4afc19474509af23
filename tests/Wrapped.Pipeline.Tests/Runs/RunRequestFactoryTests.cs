using System.Security.Cryptography;
using System.Text;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

public sealed class RunRequestFactoryTests
{
    private static readonly IReadOnlyList<ManifestInput> Inputs =
    [
        new("tracks.csv", 10, new string('a', 64)),
        new("tracks_extended.csv", 20, new string('b', 64)),
        new("artists.csv", 30, new string('c', 64)),
    ];

    /// <summary>
    /// A factory whose clock says <paramref name="now"/>; by default with the reference model, whose listeners live in
    /// UTC, so that the latest end is yesterday UTC (the realistic model's own tests are below).
    /// </summary>
    private static RunRequestFactory On(DateTimeOffset now, FeedDefaults? defaults = null) =>
        new(defaults ?? new FeedDefaults { Model = ListeningModel.ReferenceName }, new FixedClock(now));

    /// <summary>A clock at 00:00:01 UTC on 1 July 2025: yesterday is 30 June.</summary>
    private static readonly RunRequestFactory Factory = On(new DateTimeOffset(2025, 7, 1, 0, 0, 1, TimeSpan.Zero));

    private static FeedInputException Refused(RunRequestOverrides overrides, string dataset = "sample", string? runId = null) =>
        Assert.Throws<FeedInputException>(() => Factory.Create(dataset, overrides, InputFiles.InFolder(dataset), Inputs, runId));

    [Fact]
    public void Create_NothingSet_EndsYesterdayAndStartsOnTheFirstOfJanuaryOfThatYear()
    {
        var july = Factory.Create("sample", new RunRequestOverrides(), InputFiles.InFolder("sample"), Inputs);
        var newYear = On(new DateTimeOffset(2025, 1, 1, 0, 30, 0, TimeSpan.Zero)).Create("sample", new RunRequestOverrides(), InputFiles.InFolder("sample"), Inputs);

        Assert.Equal((new DateOnly(2025, 1, 1), new DateOnly(2025, 6, 30)), (july.Parameters.Start, july.Parameters.End));
        Assert.Equal((july.Parameters.Start, july.Parameters.End), (july.From, july.To));
        Assert.Equal((new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (newYear.Parameters.Start, newYear.Parameters.End));
    }

    [Fact]
    public void Create_NothingSet_TakesEveryDefault()
    {
        var defaults = new FeedDefaults { Users = 40, Seed = 9, BatchSize = 7, MaxParallelBatches = 3, Clusters = 4, Codec = "null", Daily = false };

        var request = On(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero), defaults).Create("sample", new RunRequestOverrides(), InputFiles.InFolder("sample"), Inputs);

        var p = request.Parameters;
        Assert.Equal((40, 9L, 4, "null", false), (p.Users, p.Seed, p.Clusters, p.Codec, p.Daily));
        Assert.Equal(RunParameters.DefaultPartSizeFor(40), p.PartSize);
        Assert.Equal((7, 3), (request.BatchSize, request.MaxParallelBatches));
    }

    [Fact]
    public void Create_Clusters_IsTheRunsAndPartOfItsId()
    {
        var asDefault = Factory.Create("sample", new RunRequestOverrides(), InputFiles.InFolder(""), Inputs).Parameters;
        var three = Factory.Create("sample", new RunRequestOverrides(Clusters: 3), InputFiles.InFolder(""), Inputs).Parameters;
        var five = Factory.Create("sample", new RunRequestOverrides(Clusters: 5), InputFiles.InFolder(""), Inputs).Parameters;

        Assert.Equal(3, asDefault.Clusters);
        Assert.Equal(5, five.Clusters);
        // Asking for the default explicitly is the same run; asking for another k is another run, with an id of its own.
        Assert.Equal(asDefault.RunId, three.RunId);
        Assert.NotEqual(asDefault.RunId, five.RunId);
    }

    [Fact]
    public void Create_RunId_IsTheDatasetAndTheHashOfTheInputsAndEveryDefiningParameterButTheEnd()
    {
        var request = Factory.Create("sample", new RunRequestOverrides(Users: 12, Start: new DateOnly(2025, 2, 1), Seed: 5, PartSize: 4), InputFiles.InFolder(""), Inputs);
        var later = Factory.Create("sample", new RunRequestOverrides(Users: 12, Start: new DateOnly(2025, 2, 1), End: new DateOnly(2025, 6, 1), Seed: 5, PartSize: 4), InputFiles.InFolder(""), Inputs);

        // The parts, written out here independently of the code that derives them.
        var text = string.Join('\n', new string('a', 64), new string('b', 64), new string('c', 64),
            "users=12", "start=2025-02-01", "seed=5", "partSize=4", "clusters=3", "referenceDate=2025-01-01", "codec=deflate",
            $"model={ListeningModel.Reference.Hash}");
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        Assert.Equal($"sample-{hash}", request.Parameters.RunId);
        Assert.Equal(request.Parameters.RunId, later.Parameters.RunId);
    }

    [Fact]
    public void Create_RunIdGiven_IsUsedAsIs()
    {
        Assert.Equal("my-run", Factory.Create("sample", new RunRequestOverrides(), InputFiles.InFolder(""), Inputs, "my-run").Parameters.RunId);
    }

    [Fact]
    public void Create_EndAfterYesterday_IsRefusedNamingTheLatestDay()
    {
        var refused = Refused(new RunRequestOverrides(End: new DateOnly(2025, 7, 1)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("end", problem.Name);
        Assert.Contains("2025-06-30", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_RangeWhollyInTheFuture_IsRefused()
    {
        var refused = Refused(new RunRequestOverrides(Start: new DateOnly(2099, 1, 1), End: new DateOnly(2099, 1, 2)));

        Assert.Equal(["end"], refused.Problems.Select(p => p.Name));
    }

    [Fact]
    public void Create_SeveralBadValues_NamesEveryOneAtOnce()
    {
        var refused = Refused(new RunRequestOverrides(Users: 0, BatchSize: 0, PartSize: -1, MaxParallelBatches: 0, Codec: "zstd", Clusters: 0));

        Assert.Equal(["batchSize", "clusters", "codec", "maxParallelBatches", "partSize", "users"], refused.Problems.Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    public static TheoryData<RunRequestOverrides, string> AboveTheBounds => new()
    {
        { new RunRequestOverrides(Users: RunLimits.MaxUsers + 1), "users" },
        { new RunRequestOverrides(MaxParallelBatches: RunLimits.MaxParallelBatches + 1), "maxParallelBatches" },
        { new RunRequestOverrides(PartSize: RunLimits.MaxPartSize + 1, Users: RunLimits.MaxPartSize + 1), "partSize" },
        { new RunRequestOverrides(Users: RunLimits.MaxParts + 1, PartSize: 1, BatchSize: 1_000), "partSize" },
        { new RunRequestOverrides(Users: (RunLimits.MaxBatches * 2) + 2, PartSize: 2, BatchSize: 1), "batchSize" },
        { new RunRequestOverrides(Clusters: RunLimits.MaxClusters + 1), "clusters" },
        { new RunRequestOverrides(Start: new DateOnly(2015, 6, 29)), "start" },
        { new RunRequestOverrides(Start: new DateOnly(1970, 12, 31), End: new DateOnly(1971, 1, 5)), "start" },
    };

    [Theory]
    [MemberData(nameof(AboveTheBounds))]
    public void Create_BeyondALimit_IsRefusedNamingTheParameter(RunRequestOverrides overrides, string named)
    {
        Assert.Contains(named, Refused(overrides).Problems.Select(p => p.Name));
    }

    [Fact]
    public void Create_EveryLimitExactly_IsAccepted()
    {
        // 30 June 2025 back to 1 July 2015: 3,653 days, both included.
        var request = Factory.Create("sample", new RunRequestOverrides(
            Users: RunLimits.MaxUsers, Start: new DateOnly(2015, 7, 1), PartSize: RunLimits.MaxUsers / RunLimits.MaxParts,
            BatchSize: RunLimits.MaxUsers / RunLimits.MaxBatches, MaxParallelBatches: RunLimits.MaxParallelBatches, Clusters: RunLimits.MaxClusters),
            InputFiles.InFolder(""), Inputs);

        Assert.Equal(RunLimits.MaxDays, request.Parameters.Days);
        Assert.Equal(RunLimits.MaxParts, request.Parameters.PartCount);
    }

    [Theory]
    [InlineData("../other")]
    [InlineData("Sample")]
    [InlineData("a/b")]
    [InlineData("-a")]
    [InlineData("a-")]
    [InlineData("")]
    public void Create_DatasetNotOfThePattern_IsRefused(string dataset)
    {
        Assert.Equal(["dataset"], Refused(new RunRequestOverrides(), dataset).Problems.Select(p => p.Name));
    }

    [Theory]
    [InlineData("My Run")]
    [InlineData("../x")]
    [InlineData("under_score")]
    public void Create_RunIdNotOfThePattern_IsRefused(string runId)
    {
        Assert.Equal(["runId"], Refused(new RunRequestOverrides(), runId: runId).Problems.Select(p => p.Name));
    }

    [Fact]
    public void ThrowIfInvalid_SameRulesAsCreate_BeforeAnyInputIsRead()
    {
        var overrides = new RunRequestOverrides(Users: 0, End: new DateOnly(2025, 7, 2));

        var early = Assert.Throws<FeedInputException>(() => Factory.ThrowIfInvalid("sample", overrides));

        Assert.Equal(Refused(overrides).Problems, early.Problems);
    }

    [Fact]
    public void Extend_RecordedRun_SimulatesTheDaysAskedWithTheDefaultsSchedule()
    {
        var recorded = Factory.Create("sample", new RunRequestOverrides(Start: new DateOnly(2025, 6, 1), End: new DateOnly(2025, 6, 20), Daily: true),
            InputFiles.InFolder("sample"), Inputs);
        var defaults = new FeedDefaults { BatchSize = 11, MaxParallelBatches = 5 };

        var extension = On(new DateTimeOffset(2025, 7, 1, 3, 0, 0, TimeSpan.Zero), defaults)
            .Extend(new RunDefinition(recorded.Parameters, recorded.Fingerprints), ListeningModel.Reference, new DateOnly(2025, 6, 21), new DateOnly(2025, 6, 30));

        Assert.Equal(recorded.Parameters with { End = new DateOnly(2025, 6, 30) }, extension.Parameters);
        Assert.Equal((new DateOnly(2025, 6, 21), new DateOnly(2025, 6, 30)), (extension.From, extension.To));
        Assert.Equal((11, 5), (extension.BatchSize, extension.MaxParallelBatches));
        Assert.Equal(InputFiles.InFolder("sample"), extension.Inputs);
    }

    [Fact]
    public void Extend_PastTheLatestEnd_IsRefused()
    {
        var recorded = Factory.Create("sample", new RunRequestOverrides(), InputFiles.InFolder("sample"), Inputs);

        var refused = Assert.Throws<FeedInputException>(() => Factory.Extend(new RunDefinition(recorded.Parameters, Inputs), ListeningModel.Reference, new DateOnly(2025, 7, 1), new DateOnly(2025, 7, 1)));

        Assert.Equal("end", Assert.Single(refused.Problems).Name);
    }

    private static RunRequestFactory Realistic(DateTimeOffset now, bool modelFiles = false) => new(new FeedDefaults(), new FixedClock(now), modelFiles);

    [Fact]
    public void Create_NoModelNamed_IsTheRealisticPresetWithItsHashAndThisBuildsTzdb()
    {
        var request = Realistic(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero)).Create("sample", new RunRequestOverrides(), InputFiles.InFolder("sample"), Inputs);

        Assert.Equal(ListeningModel.Realistic.Hash, request.Parameters.ModelHash);
        Assert.Equal(Core.TimeZones.ListenerTimeZone.DatabaseVersion, request.Parameters.TimeZoneDatabase);
        Assert.Null(request.ModelText);
    }

    [Fact]
    public void Create_ReferenceModel_HasNoTzdbAndAnotherRunIdThanRealistic()
    {
        var factory = Realistic(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));
        var overrides = new RunRequestOverrides(Start: new DateOnly(2025, 6, 1), End: new DateOnly(2025, 6, 20));

        var reference = factory.Create("sample", overrides with { Model = "reference" }, InputFiles.InFolder("sample"), Inputs).Parameters;
        var realistic = factory.Create("sample", overrides with { Model = "realistic" }, InputFiles.InFolder("sample"), Inputs).Parameters;

        Assert.Equal(ListeningModel.Reference.Hash, reference.ModelHash);
        Assert.Null(reference.TimeZoneDatabase);
        Assert.NotEqual(reference.RunId, realistic.RunId);
        Assert.Equal(reference with { RunId = realistic.RunId, ModelHash = realistic.ModelHash, TimeZoneDatabase = realistic.TimeZoneDatabase }, realistic);
    }

    [Fact]
    public void Create_TzdbVersion_IsPartOfTheRunId()
    {
        var parameters = Realistic(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero))
            .Create("sample", new RunRequestOverrides(End: new DateOnly(2025, 6, 20)), InputFiles.InFolder("sample"), Inputs).Parameters;

        var otherTzdb = RunIdentity.DeriveRunId("sample", Inputs, parameters with { TimeZoneDatabase = "1999a" });

        Assert.NotEqual(parameters.RunId, otherTzdb);
        Assert.Equal(parameters.RunId, RunIdentity.DeriveRunId("sample", Inputs, parameters));
        var text = string.Join('\n', new string('a', 64), new string('b', 64), new string('c', 64),
            "users=1000", "start=2025-01-01", "seed=42", "partSize=250", "clusters=3", "referenceDate=2025-01-01", "codec=deflate",
            $"model={ListeningModel.Realistic.Hash}", $"tzdb={Core.TimeZones.ListenerTimeZone.DatabaseVersion}");
        Assert.Equal($"sample-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12]}", parameters.RunId);
    }

    [Theory]
    [InlineData("./reference")]
    [InlineData("/etc/passwd")]
    [InlineData("Realistic")]
    public void Create_ModelNotAPresetWhereFilesAreNotAllowed_IsRefusedSayingFilesBelongToTheCommandLine(string model)
    {
        var factory = Realistic(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero));

        var refused = Assert.Throws<FeedInputException>(() => factory.ThrowIfInvalid("sample", new RunRequestOverrides(Model: model)));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("model", problem.Name);
        Assert.Contains("reference or realistic", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("command line", problem.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ModelFileOnTheCommandLine_NamesItsHashAndCarriesItsText()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "mine.json");
        var text = ListeningModel.Reference.Text.Replace("\"name\": \"reference\"", "\"name\": \"mine\"", StringComparison.Ordinal);
        File.WriteAllText(path, text);
        var factory = Realistic(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero), modelFiles: true);

        var request = factory.Create("sample", new RunRequestOverrides(Model: path), InputFiles.InFolder("sample"), Inputs);

        Assert.Equal(ListeningModel.Parse(text, "x").Hash, request.Parameters.ModelHash);
        Assert.Equal(text, request.ModelText);
    }

    [Fact]
    public void Create_BadModelFile_IsRefusedWithTheLoadersLineNamingTheField()
    {
        using var folder = new TempFolder();
        var path = Path.Combine(folder.Path, "bad.json");
        File.WriteAllText(path, ListeningModel.Reference.Text.Replace("0.75", "1.75", StringComparison.Ordinal));
        var factory = Realistic(new DateTimeOffset(2025, 7, 1, 12, 0, 0, TimeSpan.Zero), modelFiles: true);

        var refused = Assert.Throws<FeedInputException>(() => factory.ThrowIfInvalid("sample", new RunRequestOverrides(Model: path)));

        Assert.StartsWith(path + ": $.trackChoice.preferenceKept", refused.Message, StringComparison.Ordinal);
    }

    [Theory]
    // Honolulu (UTC-10) finishes 30 June at 1 July 10:00 UTC; every other zone of the preset has finished it by then.
    [InlineData("2025-07-01T09:59:59Z", "2025-06-29")]
    [InlineData("2025-07-01T10:00:00Z", "2025-06-30")]
    public void LatestEnd_RealisticModel_IsTheLastDayHonoluluHasFinished(string now, string expected)
    {
        var factory = Realistic(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture));

        var request = factory.Create("sample", new RunRequestOverrides(), InputFiles.InFolder("sample"), Inputs);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), request.Parameters.End);
    }

    [Fact]
    public void Create_RealisticEndNotEndedInHonolulu_IsRefusedNamingTheZoneThatFinishesLast()
    {
        var factory = Realistic(new DateTimeOffset(2025, 7, 1, 9, 0, 0, TimeSpan.Zero));

        var refused = Assert.Throws<FeedInputException>(() => factory.ThrowIfInvalid("sample", new RunRequestOverrides(End: new DateOnly(2025, 6, 30))));

        var problem = Assert.Single(refused.Problems);
        Assert.Equal("end", problem.Name);
        Assert.Contains("2025-06-30 ends in Pacific/Honolulu", problem.Problem, StringComparison.Ordinal);
        Assert.Contains("2025-07-01 10:00 UTC", problem.Problem, StringComparison.Ordinal);
    }
}
