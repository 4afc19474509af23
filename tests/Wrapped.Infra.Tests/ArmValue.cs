using System.Text.RegularExpressions;
using System.Text.Json.Nodes;

namespace Wrapped.Infra.Tests;

/// <summary>
/// The values a snapshot leaves as ARM expressions because they are known only in Azure. <see cref="Render"/> finishes
/// the one kind the templates use for endpoints, <c>[format('…', 'literal', environment().suffixes.storage)]</c>,
/// with the public cloud's storage suffix; everything else stays as written.
/// </summary>
internal static partial class ArmValue
{
    public const string PublicCloudStorageSuffix = "core.windows.net";

    public static string Render(JsonNode? value)
    {
        var text = (string?)value ?? "";
        var call = FormatCall().Match(text);
        if (!call.Success) return text;
        var arguments = Argument().Matches(call.Groups["arguments"].Value)
            .Select(a => a.Groups["literal"].Success ? Unquote(a.Groups["literal"].Value) : PublicCloudStorageSuffix)
            .Cast<object>()
            .ToArray();
        return string.Format(System.Globalization.CultureInfo.InvariantCulture, Unquote(call.Groups["format"].Value), arguments);
    }

    /// <summary>Whether an expression reads an output of the identity module (its client id, principal id or resource id).</summary>
    public static bool IsIdentityOutput(JsonNode? value, string output) =>
        ((string?)value ?? "").Contains("'Microsoft.Resources/deployments', format('identity-", StringComparison.Ordinal)
        && ((string?)value ?? "").Contains($".outputs.{output}.value", StringComparison.Ordinal);

    private static string Unquote(string literal) => literal.Replace("''", "'", StringComparison.Ordinal);

    [GeneratedRegex(@"^\[format\('(?<format>(?:[^']|'')*)'(?<arguments>(?:,\s*(?:'(?:[^']|'')*'|environment\(\)\.suffixes\.storage))*)\)\]$")]
    private static partial Regex FormatCall();

    [GeneratedRegex(@",\s*(?:'(?<literal>(?:[^']|'')*)'|environment\(\)\.suffixes\.storage)")]
    private static partial Regex Argument();
}
