using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// The published JSON Schema of model documents (<c>listening-model.schema.json</c>, embedded), evaluated with
/// JsonSchema.Net: the schema is the validator, so what it documents and what the loader accepts cannot drift apart.
/// </summary>
internal static partial class ListeningModelSchema
{
    private const string Resource = "Wrapped.Core.Simulation.Model.listening-model.schema.json";

    public static string Text { get; } = ReadResource();

    // A registry of its own: the global one would refuse a second schema with the same $id (e.g. a test's copy).
    private static readonly JsonSchema Schema = JsonSchema.FromText(Text, new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    /// <summary>Every place <paramref name="document"/> breaks the schema, in document order, each once.</summary>
    public static IReadOnlyList<ModelProblem> Check(JsonElement document)
    {
        // The flag alone is several times faster than collecting every result: details only for a document that fails.
        if (Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.Flag }).IsValid)
        {
            return [];
        }
        var results = Schema.Evaluate(document, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var problems = new List<ModelProblem>();
        foreach (var detail in results.Details ?? [])
        {
            if (detail.Errors is not { Count: > 0 } || IsInsideContains(detail.EvaluationPath.ToString()))
            {
                // The items a 'contains' tried and refused are no problem by themselves: the 'contains' error says it.
                continue;
            }
            var pointer = detail.InstanceLocation.ToString();
            // A property refused by "additionalProperties": false is reported by the false schema, without a keyword.
            var unknownField = detail.EvaluationPath.ToString().EndsWith("/additionalProperties", StringComparison.Ordinal);
            foreach (var (keyword, message) in detail.Errors)
            {
                var problem = new ModelProblem(JsonPaths.FromPointer(pointer, document), Reason(unknownField ? "additionalProperties" : keyword, message, detail.SchemaLocation.ToString(), pointer, document));
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }
        return problems.Count > 0 ? problems : [new ModelProblem("$", "does not match the listening model schema.")];
    }

    private static string Reason(string keyword, string message, string schemaLocation, string pointer, JsonElement document)
    {
        var value = JsonPaths.ValueAt(pointer, document);
        return keyword switch
        {
            "additionalProperties" or "unevaluatedProperties" => "is not a field of the listening model here (check its spelling and place).",
            "contains" => "needs at least one weight above 0: weights must sum to a positive number.",
            "const" when pointer == "/version" => $"version {value} is not supported: this build reads version 1.",
            "minimum" or "maximum" when IsDefinition(schemaLocation, "probability")
                => $"is a probability and must be between 0 and 1, not {value}.",
            "minimum" when IsDefinition(schemaLocation, "weight")
                => $"is a weight and must not be negative, not {value}.",
            "required" => RequiredReason(message),
            _ => message.EndsWith('.') ? message : message + ".",
        };
    }

    private static string RequiredReason(string message)
    {
        var names = QuotedName().Matches(message).Select(m => m.Groups[1].Value).ToList();
        return names.Count == 0 ? message : $"misses the required field{(names.Count > 1 ? "s" : "")} {string.Join(", ", names)}.";
    }

    /// <summary>Whether the failing schema is <c>#/$defs/{name}</c> (the location names the subschema, not the keyword).</summary>
    private static bool IsDefinition(string schemaLocation, string name) =>
        schemaLocation.EndsWith("/$defs/" + name, StringComparison.Ordinal) || schemaLocation.Contains("/$defs/" + name + "/", StringComparison.Ordinal);

    private static bool IsInsideContains(string evaluationPath) =>
        evaluationPath.Split('/').Contains("contains", StringComparer.Ordinal);

    private static string ReadResource()
    {
        using var stream = typeof(ListeningModelSchema).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The resource '{Resource}' is missing from Wrapped.Core; check the csproj's EmbeddedResource items.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("\"([^\"]+)\"")]
    private static partial Regex QuotedName();
}

/// <summary>JSON Pointers (RFC 6901, what schema validators report) turned into the JSON paths people read: <c>$.a.b[0].c</c>.</summary>
internal static partial class JsonPaths
{
    public static string FromPointer(string pointer, JsonElement document)
    {
        var path = new StringBuilder("$");
        var current = document;
        foreach (var segment in Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                path.Append('[').Append(index).Append(']');
                current = index < current.GetArrayLength() ? current[index] : default;
                continue;
            }
            path.Append(Identifier().IsMatch(segment) ? "." + segment : $"['{segment.Replace("'", "\\'", StringComparison.Ordinal)}']");
            current = current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child) ? child : default;
        }
        return path.ToString();
    }

    /// <summary>The JSON text of the value at <paramref name="pointer"/>, or <c>nothing</c> when there is none.</summary>
    public static string ValueAt(string pointer, JsonElement document)
    {
        var current = document;
        foreach (var segment in Segments(pointer))
        {
            if (current.ValueKind == JsonValueKind.Array && int.TryParse(segment, NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < current.GetArrayLength())
            {
                current = current[index];
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty(segment, out var child))
            {
                current = child;
            }
            else
            {
                return "nothing";
            }
        }
        return current.GetRawText();
    }

    private static IEnumerable<string> Segments(string pointer) =>
        pointer.Length == 0 ? [] : pointer.TrimStart('#').Split('/').Skip(1).Select(s => s.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}
