using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Runs;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Runs;

/// <summary>
/// With the reference model, a run is the feed of the code before listening models existed, byte for byte: catalog,
/// users, events and state files.
/// </summary>
public sealed class ReferenceModelBytesTests
{
    /// <summary>
    /// SHA-256 of every data file of the run below as written by main at b584942 (before the listening model), with
    /// <c>git worktree add /tmp/old b584942</c>, then in it
    /// <c>wrapped run --input samples --users 30 --start 2025-03-01 --end 2025-03-06 --seed 7 --part-size 12 --run-id pinned</c>,
    /// and <c>sha256sum</c> over <c>runs/pinned/**/*.avro</c>.
    /// </summary>
    internal static readonly SortedDictionary<string, string> BeforeModels = new(StringComparer.Ordinal)
    {
        ["catalog/artists.avro"] = "7ad29827a1df27285aa125aed530816c893d28797e348ec796195914ff38ab4c",
        ["catalog/tracks.avro"] = "b0af73fd01933e07599f90e9372c97ba71adb9f3814f398c76c8ad8805d7b8d4",
        ["events/date=2025-03-01/part-00000.avro"] = "c919c88563b0e25ebbba5c717c63d6fba870128b01bcfa770e7d644a5cb766cc",
        ["events/date=2025-03-01/part-00001.avro"] = "af21761e410e87a3ac7c97059f621ffa2e2c9e97fd33bfd63122c65a978a44d7",
        ["events/date=2025-03-01/part-00002.avro"] = "71b293b0b1ba7e55b7adb5b4fd4e82f352aa2db3581b5f8558cbca1951a2d9b0",
        ["events/date=2025-03-02/part-00000.avro"] = "c33d96c7daf539083214ec64fc0cd0642076db5ad44e9cf7a79334f564c3771c",
        ["events/date=2025-03-02/part-00001.avro"] = "9c13aa2843a102f55ef20600f6fd7e69d03ad0d701bf826ec468096d8034aea9",
        ["events/date=2025-03-02/part-00002.avro"] = "5fea034b36ae890c4a2ea8090c12af09bd2345f667636023a54caebd8728d861",
        ["events/date=2025-03-03/part-00000.avro"] = "66f0b1ad33a91a4d521db6355412210f940ed971b06bad386ab78d937f9d086f",
        ["events/date=2025-03-03/part-00001.avro"] = "817a1788ef6e360e6f263fc1660f13ef592e90b3b1094383f9f873f447431da0",
        ["events/date=2025-03-03/part-00002.avro"] = "e154964c921857251c23552b3ae9d81f9276e47548af31732ccfd7543dc2b4f4",
        ["events/date=2025-03-04/part-00000.avro"] = "1f2a1c1717102cb60dfb330b4e3b7d5c0a8cb4e0b2dfa63fddcedb505de3e2c8",
        ["events/date=2025-03-04/part-00001.avro"] = "17a898b1bd4942fc37a069841e4596c31da1e7b4da457f82def9f00eae64c36c",
        ["events/date=2025-03-04/part-00002.avro"] = "9ee0da68d12c1b08e3ddbfbad0c9b2c66ab4cd3ef3391dd59b945f919ada7218",
        ["events/date=2025-03-05/part-00000.avro"] = "31a19e65f700e7d68cde829aba28191797073bfdff16417585fd3d2b0be43b37",
        ["events/date=2025-03-05/part-00001.avro"] = "3cd09fac0e70756333a9a55e7a9ab3818ad38ce9f1af77d24b66c67e0e8c16eb",
        ["events/date=2025-03-05/part-00002.avro"] = "681de39cf0d0b69d6a0cb459715fc8fe8d54843acbd29d8aff7029c139fa5743",
        ["events/date=2025-03-06/part-00000.avro"] = "41e5d7faa3797e939083e6e487f7cf4c9b77e366f01eec04c5dca370d322de59",
        ["events/date=2025-03-06/part-00001.avro"] = "5b6a0e79d9288755b2eed269c14ad460933641abe6d4998d51cfd41bed421c38",
        ["events/date=2025-03-06/part-00002.avro"] = "1633c3cbf6243246b7a5b58379c1c3c6582c25e11cbd7655b2251ecda71bfaf3",
        ["state/part-00000.avro"] = "ce6a6b3a5a1194bb228ea453ff6935050f99ef3cac17fa40a432bfba9270041d",
        ["state/part-00001.avro"] = "39ba650d7d5362178179c5432b3bc5b51cb1928cb4c8f09e31cb3275a7557d64",
        ["state/part-00002.avro"] = "34e5a4220915bb2a2670134446a40958c74341b95f85103ecbaf078e298b2f4e",
        ["users/part-00000.avro"] = "5d6028f6df091e3153411ce49345d4864e5ed253912e0fe4af422cf206feaf18",
        ["users/part-00001.avro"] = "f5503a4c204f41cd037183c7d16f1b1541b87c076e25050823279ca4953e6ef8",
        ["users/part-00002.avro"] = "575cbb1235318f927a2a2b75025a219bea8c0cc1247a173f28f2f699b62a3b31",
    };

    internal static readonly Core.Feed.RunParameters Pinned =
        LocalRun.Parameters(users: 30, start: new DateOnly(2025, 3, 1), end: new DateOnly(2025, 3, 6), partSize: 12, seed: 7).WithModel(ListeningModel.Reference);

    [Fact]
    public async Task Run_ReferenceModel_WritesTheBytesOfTheCodeBeforeModels()
    {
        using var folder = new TempFolder();

        await LocalRun.RunAsync(folder.Path, Pinned, new RunSchedule(BatchSize: 12, Parallelism: 2));

        Assert.Equal(BeforeModels, DataFileChecksums(folder.Path));
    }

    [Fact]
    public async Task Run_ReferenceModelExtendedDayByDay_WritesTheBytesOfTheCodeBeforeModels()
    {
        using var folder = new TempFolder();

        for (var end = Pinned.Start.AddDays(2); end <= Pinned.End; end = end.AddDays(1))
        {
            await LocalRun.RunAsync(folder.Path, Pinned with { End = end }, new RunSchedule(BatchSize: 1, Parallelism: 1));
        }

        Assert.Equal(BeforeModels, DataFileChecksums(folder.Path));
    }

    internal static SortedDictionary<string, string> DataFileChecksums(string folder) => new(
        LocalRun.Feed(folder, Pinned)
            // The feed the code before models wrote: catalog, users, events and state (Wrapped came later).
            .Where(f => f.Key.EndsWith(".avro", StringComparison.Ordinal) && !f.Key.StartsWith("wrapped/", StringComparison.Ordinal))
            .ToDictionary(f => f.Key, f => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(f.Value))),
        StringComparer.Ordinal);
}
