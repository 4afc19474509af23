using System.Text.Json;

namespace Wrapped.Functions.Tests;

/// <summary>The <c>functions.metadata</c> the app's build generates: its functions and their bindings, as the Functions host reads them.</summary>
internal static class FunctionsMetadata
{
    public static JsonElement[] Functions { get; } = Load();

    public static JsonElement[] Bindings(string function) =>
        Functions.Single(f => f.GetProperty("name").GetString() == function).GetProperty("bindings").EnumerateArray().ToArray();

    public static JsonElement Trigger(string function) =>
        Bindings(function).Single(b => b.GetProperty("type").GetString()!.EndsWith("Trigger", StringComparison.Ordinal));

    /// <summary>The names of the functions whose trigger is of <paramref name="triggerType"/>.</summary>
    public static IEnumerable<string> FunctionsTriggeredBy(string triggerType) =>
        Functions.Select(f => f.GetProperty("name").GetString()!).Where(name => Trigger(name).GetProperty("type").GetString() == triggerType);

    private static JsonElement[] Load()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "functions.metadata");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
