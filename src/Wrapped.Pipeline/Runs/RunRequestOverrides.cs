using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Runs;

/// <summary>What a caller may set for one run: the body of <c>POST /api/runs</c>, or <c>wrapped-input/{dataset}/run.json</c>.</summary>
public sealed record RunRequestOverrides(
    string? Dataset = null,
    int? Users = null,
    DateOnly? Start = null,
    DateOnly? End = null,
    long? Seed = null,
    int? BatchSize = null,
    int? PartSize = null,
    int? MaxParallelBatches = null,
    bool? Daily = null,
    string? Codec = null,
    int? Clusters = null)
{
    /// <summary>
    /// The run asked for, the rest from <paramref name="defaults"/>: the one rule every host (CLI, HTTP, upload)
    /// follows. The end defaults to <paramref name="yesterday"/>, the start to 1 January of the end's year, the part
    /// size to <see cref="RunParameters.DefaultPartSizeFor"/>, and the run id is derived from the inputs and parameters.
    /// </summary>
    public RunParameters ToParameters(string dataset, FeedDefaults defaults, DateOnly yesterday, IReadOnlyList<ManifestInput> fingerprints)
    {
        var end = End ?? yesterday;
        var users = Users ?? defaults.Users;
        var parameters = new RunParameters
        {
            RunId = "pending",
            Dataset = RunIdentity.Slug(dataset),
            Users = users,
            Start = Start ?? new DateOnly(end.Year, 1, 1),
            End = end,
            Seed = Seed ?? defaults.Seed,
            PartSize = PartSize ?? defaults.PartSize ?? RunParameters.DefaultPartSizeFor(users),
            Clusters = Clusters ?? defaults.Clusters,
            Codec = Codec ?? defaults.Codec,
            Daily = Daily ?? defaults.Daily,
        };
        return parameters with { RunId = InputFingerprints.DeriveRunId(parameters.Dataset, fingerprints, parameters) };
    }
}
