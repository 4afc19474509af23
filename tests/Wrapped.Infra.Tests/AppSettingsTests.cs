using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using Wrapped.Functions;
using Wrapped.Pipeline.Runs;
using Wrapped.TestSupport;

namespace Wrapped.Infra.Tests;

/// <summary>The app settings the template deploys against what the app's code and bindings read, and host.json against the plan.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed partial class AppSettingsTests(Infrastructure infra)
{
    public static TheoryData<string> Deployments => ["one-account", "separate-feed"];

    /// <summary>Settings the Flex Consumption plan rejects: the runtime and the package live in functionAppConfig.</summary>
    private static readonly string[] RejectedByFlex = ["FUNCTIONS_WORKER_RUNTIME", "FUNCTIONS_EXTENSION_VERSION", "WEBSITE_RUN_FROM_PACKAGE"];

    [Theory]
    [MemberData(nameof(Deployments))]
    public void EveryBindingExpression_IsASetting(string deployment)
    {
        var settings = Of(deployment).AppSettings;

        var expressions = Bindings().SelectMany(b => b.AsObject()).Select(p => p.Value).OfType<JsonValue>()
            .Select(v => v.ToString()).SelectMany(v => SettingReference().Matches(v)).Select(m => m.Groups["name"].Value).ToArray();

        Assert.Contains("DailySchedule", expressions);
        Assert.All(expressions, name => Assert.True(settings.ContainsKey(name), $"%{name}% is read by a binding but not set."));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void EveryBindingConnection_IsIdentityBasedOnTheFeedAccount(string deployment)
    {
        var snapshot = Of(deployment);
        var settings = snapshot.AppSettings;
        var feed = Snapshot.NameOf(snapshot.FeedAccount);

        var connections = Bindings().Select(b => (string?)b["connection"]).OfType<string>().Distinct().ToArray();

        Assert.Equal([FunctionSettings.FeedStorageConnection], connections);
        foreach (var connection in connections)
        {
            Assert.Equal($"https://{feed}.blob.{ArmValue.PublicCloudStorageSuffix}", ArmValue.Render(settings[$"{connection}__{FeedStorageClient.BlobServiceUriKey}"]));
            // The blob trigger keeps its poison queue in the same account.
            Assert.Equal($"https://{feed}.queue.{ArmValue.PublicCloudStorageSuffix}", ArmValue.Render(settings[$"{connection}__queueServiceUri"]));
            AssertIdentity(settings, connection);
            Assert.False(settings.ContainsKey(connection), $"{connection} is set as a connection string.");
        }
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void HostStorage_IsIdentityBasedOnTheHostAccount(string deployment)
    {
        var snapshot = Of(deployment);
        var settings = snapshot.AppSettings;

        Assert.Equal(Snapshot.NameOf(snapshot.HostAccount), (string?)settings["AzureWebJobsStorage__accountName"]);
        AssertIdentity(settings, "AzureWebJobsStorage");
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "AzureWebJobsStorage is set as a connection string.");
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void ApplicationInsights_IsNamedByItsConnectionStringAndReachedWithTheIdentity(string deployment)
    {
        var snapshot = Of(deployment);
        var settings = snapshot.AppSettings;

        // Read from the component when deploying: its name and ingestion endpoint, no key (local auth is off).
        var connection = (string?)settings["APPLICATIONINSIGHTS_CONNECTION_STRING"] ?? "";
        Assert.StartsWith($"[reference('{Snapshot.IdOf(snapshot.Single("Microsoft.Insights/components"))}', ", connection, StringComparison.Ordinal);
        Assert.EndsWith(").ConnectionString]", connection, StringComparison.Ordinal);
        var authentication = settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.StartsWith("[format('ClientId={0};Authorization=AAD', ", (string?)authentication, StringComparison.Ordinal);
        Assert.True(ArmValue.IsIdentityOutput(authentication, "clientId"));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void RunDefaults_NameRealFeedDefaultsAndBindToThem(string deployment)
    {
        var settings = Of(deployment).AppSettings.Where(s => s.Key.StartsWith($"{FeedDefaults.SectionName}__", StringComparison.Ordinal)).ToArray();

        Assert.NotEmpty(settings);
        // Bound the way the app binds them (Program.cs: configuration section Wrapped), so a misspelt name or a bad value fails here.
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key.Replace("__", ":", StringComparison.Ordinal), (string?)s.Value)))
            .Build();
        var bound = configuration.GetSection(FeedDefaults.SectionName).Get<FeedDefaults>(o => o.ErrorOnUnknownConfiguration = true)!;
        Assert.Equal(8, bound.MaxParallelBatches);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void NoSetting_IsOneFlexConsumptionRejects(string deployment)
    {
        var names = Of(deployment).AppSettings.Keys;

        Assert.All(names, name =>
        {
            Assert.DoesNotContain(name, RejectedByFlex);
            Assert.False(name.StartsWith("WEBSITE_CONTENT", StringComparison.OrdinalIgnoreCase), name);
        });
    }

    [Fact]
    public void HostJson_FitsTheDefaultInstanceAndFlexGuidance()
    {
        using var host = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "host.json")));
        var durable = host.RootElement.GetProperty("extensions").GetProperty("durableTask");
        var defaultMemory = (int)infra.Compiled["parameters"]!["instanceMemoryMB"]!["defaultValue"]!;
        // Flex Consumption instance sizes: 512 MB has 0.25 vCPU, 2,048 MB 1 and 4,096 MB 2 (Microsoft's plan documentation).
        var cores = new Dictionary<int, int> { [2048] = 1, [4096] = 2 }[defaultMemory];

        // One simulation activity keeps one core busy.
        Assert.Equal(cores, durable.GetProperty("maxConcurrentActivityFunctions").GetInt32());
        // Durable Functions on Flex Consumption: poll the task hub's queues at least every 10 s.
        var polling = TimeSpan.Parse(durable.GetProperty("storageProvider").GetProperty("maxQueuePollingInterval").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(polling, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.InRange(durable.GetProperty("storageProvider").GetProperty("partitionCount").GetInt32(), 1, 16);
        Assert.True(TimeSpan.Parse(host.RootElement.GetProperty("functionTimeout").GetString()!, System.Globalization.CultureInfo.InvariantCulture) > TimeSpan.FromMinutes(5));
    }

    private static void AssertIdentity(IReadOnlyDictionary<string, JsonNode?> settings, string connection)
    {
        Assert.Equal("managedidentity", (string?)settings[$"{connection}__credential"]);
        Assert.True(ArmValue.IsIdentityOutput(settings[$"{connection}__clientId"], "clientId"), $"{connection}__clientId is {settings[$"{connection}__clientId"]}");
    }

    /// <summary>Every binding of every function, from the functions.metadata the app's build generates.</summary>
    private static IEnumerable<JsonObject> Bindings() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))!.AsArray()
            .SelectMany(f => f!["bindings"]!.AsArray()).Select(b => b!.AsObject());

    private Snapshot Of(string deployment) => deployment == "one-account" ? infra.OneAccount : infra.SeparateFeedAccount;

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex SettingReference();
}
