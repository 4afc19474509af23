using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wrapped.Core.Feed;

/// <summary>
/// What names a run, and the rules for every name a caller may send: dataset names and run ids. Run ids are derived
/// from what defines a run, so the same inputs and parameters always name the same run, and a run's orchestration
/// (its extensions' too) has the run id as its instance id. Every name is lowercase letters, digits and hyphens, so
/// it is safe as a folder, a blob path segment and a Durable instance id, and never climbs out of its folder.
/// </summary>
public static class RunIdentity
{
    public const int MaxRunIdLength = 63;

    /// <summary>A dataset name leaves room in a run id for the hyphen and the 12 hex digits of its hash.</summary>
    public const int MaxDatasetLength = 40;

    /// <summary><c>{dataset}-{first 12 hex of SHA-256 over the parts}</c>, e.g. <c>sample-3f9a1c2b4d5e</c>.</summary>
    public static string Derive(string dataset, params IEnumerable<string> definingParts)
    {
        var text = string.Join('\n', definingParts);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        var slug = Slug(dataset);
        return Validate($"{slug}-{hash}");
    }

    /// <summary>
    /// A run id from the inputs' checksums and what defines the output, the listening model's hash and the TZDB release
    /// of its time zones included. The end date is left out on purpose: the same run with a later end date is the same
    /// run extended.
    /// </summary>
    public static string DeriveRunId(string dataset, IReadOnlyList<ManifestInput> inputs, RunParameters parameters) =>
        Derive(dataset,
            inputs.Select(i => i.Sha256)
                .Append($"users={parameters.Users}")
                .Append(string.Create(CultureInfo.InvariantCulture, $"start={parameters.Start:yyyy-MM-dd}"))
                .Append($"seed={parameters.Seed}")
                .Append($"partSize={parameters.PartSize}")
                .Append($"clusters={parameters.Clusters}")
                .Append(string.Create(CultureInfo.InvariantCulture, $"referenceDate={parameters.EffectiveReferenceDate:yyyy-MM-dd}"))
                .Append($"codec={parameters.Codec}")
                .Append($"model={parameters.ModelHash}")
                .Concat(parameters.TimeZoneDatabase is { } tzdb ? [$"tzdb={tzdb}"] : []));

    /// <summary>Lowercase letters, digits and single dashes: a valid dataset name made from anything (a folder's name).</summary>
    public static string Slug(string value)
    {
        var builder = new StringBuilder(value.Length);
        foreach (var c in value.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or >= '0' and <= '9') builder.Append(c);
            else if (builder.Length > 0 && builder[^1] != '-') builder.Append('-');
        }
        var slug = builder.ToString().Trim('-');
        if (slug.Length == 0) slug = "run";
        return slug.Length > MaxDatasetLength ? slug[..MaxDatasetLength].TrimEnd('-') : slug;
    }

    /// <summary>Why <paramref name="dataset"/> cannot name a dataset, or null when it can.</summary>
    public static string? DatasetProblem(string? dataset) => NameProblem(dataset, MaxDatasetLength);

    /// <summary>Why <paramref name="runId"/> cannot name a run, or null when it can.</summary>
    public static string? RunIdProblem(string? runId) => NameProblem(runId, MaxRunIdLength);

    /// <summary>Returns <paramref name="runId"/>, or throws <see cref="ArgumentException"/> saying why it is not a run id.</summary>
    public static string Validate(string runId) =>
        RunIdProblem(runId) is { } problem ? throw new ArgumentException($"'{runId}' {problem}.", nameof(runId)) : runId;

    private static string? NameProblem(string? name, int maxLength)
    {
        if (string.IsNullOrEmpty(name)) return "must not be empty";
        var valid = name.Length <= maxLength
            && name.All(c => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '-')
            && name[0] != '-' && name[^1] != '-';
        return valid
            ? null
            : $"must be 1 to {maxLength} lowercase letters, digits and hyphens, starting and ending with a letter or digit (got '{Shorten(name)}')";
    }

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";
}
