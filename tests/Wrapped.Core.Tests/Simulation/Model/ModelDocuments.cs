using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Wrapped.Core.Simulation.Model;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Simulation.Model;

/// <summary>Model documents for tests: the presets edited one field at a time, and the published schema read from the repository.</summary>
internal static class ModelDocuments
{
    public static string SchemaPath => Path.Combine(RepoPaths.Root, "src", "Wrapped.Core", "Simulation", "Model", "listening-model.schema.json");

    public static string PresetPath(string name) => Path.Combine(RepoPaths.Root, "src", "Wrapped.Core", "Simulation", "Model", "Presets", name + ".json");

    /// <summary>A preset's text with <paramref name="edit"/> applied to its JSON tree.</summary>
    public static string Edited(string preset, Action<JsonObject> edit)
    {
        var root = JsonNode.Parse(File.ReadAllText(PresetPath(preset)))!.AsObject();
        edit(root);
        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    /// <summary>
    /// The JSON paths at which the published schema file, evaluated on its own with JsonSchema.Net, fails
    /// <paramref name="json"/> (errors inside a 'contains' that are only its tries left out).
    /// </summary>
    public static IReadOnlyList<string> PublishedSchemaFailures(string json)
    {
        var schema = JsonSchema.FromText(File.ReadAllText(SchemaPath), new BuildOptions { SchemaRegistry = new SchemaRegistry() });
        using var document = JsonDocument.Parse(json);
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        return results.IsValid ? [] : (results.Details ?? [])
            .Where(d => d.Errors is { Count: > 0 } && !d.EvaluationPath.ToString().Split('/').Contains("contains"))
            .Select(d => PointerToPath(d.InstanceLocation.ToString()))
            .Distinct()
            .ToList();
    }

    /// <summary>"/a/b/0/c" as "$.a.b[0].c": numbers are array indexes in these documents.</summary>
    private static string PointerToPath(string pointer) =>
        "$" + string.Concat(pointer.Split('/').Skip(1).Select(s => s.All(char.IsAsciiDigit) ? $"[{s}]" : "." + s));
}
