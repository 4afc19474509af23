using System.Text.Json.Nodes;

namespace Wrapped.Infra.Tests;

/// <summary>What a deployment of infra/main.bicep would create, as <c>bicep snapshot</c> predicts it offline.</summary>
public sealed class Snapshot(JsonNode document)
{
    public JsonArray Resources => document["predictedResources"]!.AsArray();

    public JsonNode Outputs => document["outputs"]!;

    public JsonArray Diagnostics => document["diagnostics"]?.AsArray() ?? [];

    public string Text => document.ToJsonString();

    public IReadOnlyList<JsonNode> OfType(string type) =>
        Resources.Where(r => string.Equals((string?)r!["type"], type, StringComparison.OrdinalIgnoreCase)).Select(r => r!).ToList();

    public JsonNode Single(string type) => Assert.Single(OfType(type));

    public JsonNode Named(string type, string name) =>
        Assert.Single(OfType(type), r => (string?)r["name"] == name);

    /// <summary>The Function app.</summary>
    public JsonNode App => Single("Microsoft.Web/sites");

    /// <summary>The app's settings by name (values as the snapshot leaves them: literals or ARM expressions).</summary>
    public IReadOnlyDictionary<string, JsonNode?> AppSettings =>
        App["properties"]!["siteConfig"]!["appSettings"]!.AsArray().ToDictionary(s => (string)s!["name"]!, s => s!["value"]);

    /// <summary>The account the host's settings name: task hub, timers, deployment package.</summary>
    public JsonNode HostAccount => Named("Microsoft.Storage/storageAccounts", (string)AppSettings["AzureWebJobsStorage__accountName"]!);

    /// <summary>The account holding the input container.</summary>
    public JsonNode FeedAccount => Named("Microsoft.Storage/storageAccounts", ContainerNames.Single(c => c.Container == InputContainer).Account);

    /// <summary>Every blob container, with its account.</summary>
    public IEnumerable<(string Account, string Container)> ContainerNames =>
        OfType("Microsoft.Storage/storageAccounts/blobServices/containers")
            .Select(c => ((string)c["name"]!).Split('/'))
            .Select(parts => (parts[0], parts[^1]));

    public const string InputContainer = "wrapped-input";
    public const string OutputContainer = "wrapped-feed";

    public static string IdOf(JsonNode resource) => (string)resource["id"]!;

    public static string NameOf(JsonNode resource) => (string)resource["name"]!;

    /// <summary>The resource an extension resource (a role assignment) is attached to, from its id.</summary>
    public static string ScopeOf(JsonNode extension)
    {
        var id = IdOf(extension);
        return id[..id.LastIndexOf("/providers/", StringComparison.OrdinalIgnoreCase)];
    }

    /// <summary>Evaluates infra/main.bicep with the defaults of main.bicep and these extra <c>param</c> lines.</summary>
    public static async Task<Snapshot> TakeAsync(string name, params string[] parameterLines)
    {
        var folder = Directory.CreateTempSubdirectory("wrapped-bicep-");
        try
        {
            var parameters = Path.Combine(folder.FullName, $"{name}.bicepparam");
            var template = Path.GetRelativePath(folder.FullName, Infrastructure.MainTemplate).Replace('\\', '/');
            await File.WriteAllLinesAsync(parameters,
                [$"using '{template}'", "param environmentName = 'wrapped-ci'", $"param location = '{Infrastructure.Location}'", .. parameterLines]);
            var result = await BicepCli.RunAsync(folder.FullName, "snapshot", parameters,
                "--subscription-id", Infrastructure.SubscriptionId, "--location", Infrastructure.Location, "--tenant-id", "00000000-0000-0000-0000-0000000071e7");
            var output = Path.ChangeExtension(parameters, ".snapshot.json");
            if (result.ExitCode != 0 || !File.Exists(output))
                throw new InvalidOperationException($"bicep snapshot {name} failed ({result.ExitCode}): {result.Output}{result.Error}");
            return new Snapshot(JsonNode.Parse(await File.ReadAllTextAsync(output))!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
