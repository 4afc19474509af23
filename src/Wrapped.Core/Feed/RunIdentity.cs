using System.Security.Cryptography;
using System.Text;

namespace Wrapped.Core.Feed;

/// <summary>Run ids are derived from what defines a run, so the same inputs and parameters always name the same run.</summary>
public static class RunIdentity
{
    private const int MaxLength = 63;

    /// <summary><c>{dataset}-{first 12 hex of SHA-256 over the parts}</c>, e.g. <c>sample-3f9a1c2b4d5e</c>.</summary>
    public static string Derive(string dataset, params IEnumerable<string> definingParts)
    {
        var text = string.Join('\n', definingParts);
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..12];
        var slug = Slug(dataset);
        return Validate($"{slug}-{hash}");
    }

    /// <summary>Lowercase letters, digits and dashes: safe as a folder, a blob prefix and a Durable instance id.</summary>
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
        return slug.Length > 40 ? slug[..40].TrimEnd('-') : slug;
    }

    public static string Validate(string runId)
    {
        if (string.IsNullOrEmpty(runId) || runId.Length > MaxLength
            || runId.Any(c => c is not (>= 'a' and <= 'z' or >= '0' and <= '9' or '-' or '_'))
            || runId[0] == '-')
        {
            throw new ArgumentException($"'{runId}' is not a valid run id: use 1-{MaxLength} lowercase letters, digits, '-' or '_'.", nameof(runId));
        }
        return runId;
    }
}
