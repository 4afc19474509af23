using System.Text.Json.Nodes;

namespace Wrapped.Infra.Tests;

/// <summary>The resources a deployment of infra/ creates, and how each is configured.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class ResourceTests(Infrastructure infra)
{
    public static TheoryData<string> Deployments => ["one-account", "separate-feed"];

    [Fact]
    public void Snapshots_EvaluateWithoutDiagnostics()
    {
        Assert.Empty(infra.OneAccount.Diagnostics);
        Assert.Empty(infra.SeparateFeedAccount.Diagnostics);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Deployment_DeclaresEveryResourceTheAppNeeds(string deployment)
    {
        var snapshot = Of(deployment);

        foreach (var type in new[]
        {
            "Microsoft.Resources/resourceGroups", "Microsoft.ManagedIdentity/userAssignedIdentities", "Microsoft.Web/serverfarms",
            "Microsoft.Web/sites", "Microsoft.OperationalInsights/workspaces", "Microsoft.Insights/components", "Microsoft.EventGrid/systemTopics",
        })
        {
            snapshot.Single(type);
        }
        Assert.Equal(deployment == "separate-feed" ? 2 : 1, snapshot.OfType("Microsoft.Storage/storageAccounts").Count);
        var feed = Snapshot.NameOf(snapshot.FeedAccount);
        Assert.Contains((feed, Snapshot.InputContainer), snapshot.ContainerNames);
        Assert.Contains((feed, Snapshot.OutputContainer), snapshot.ContainerNames);
        Assert.Equal(deployment == "separate-feed", feed != Snapshot.NameOf(snapshot.HostAccount));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void StorageAccounts_RefuseKeysOldTlsAndAnonymousReads(string deployment)
    {
        var snapshot = Of(deployment);

        Assert.All(snapshot.OfType("Microsoft.Storage/storageAccounts"), account =>
        {
            var properties = account["properties"]!;
            Assert.False((bool)properties["allowSharedKeyAccess"]!);
            Assert.Equal("TLS1_2", (string?)properties["minimumTlsVersion"]);
            Assert.False((bool)properties["allowBlobPublicAccess"]!);
            Assert.True((bool)properties["supportsHttpsTrafficOnly"]!);
        });
        Assert.All(snapshot.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"),
            container => Assert.Equal("None", (string?)container["properties"]!["publicAccess"]));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Plan_IsFlexConsumption(string deployment)
    {
        var snapshot = Of(deployment);
        var plan = snapshot.Single("Microsoft.Web/serverfarms");

        Assert.Equal("FC1", (string?)plan["sku"]!["name"]);
        Assert.Equal("FlexConsumption", (string?)plan["sku"]!["tier"]);
        Assert.True((bool)plan["properties"]!["reserved"]!);
        Assert.Equal(Snapshot.IdOf(plan), (string?)snapshot.App["properties"]!["serverFarmId"]);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void App_RunsDotnetIsolated10AsTheUserAssignedIdentity(string deployment)
    {
        var app = Of(deployment).App;
        var runtime = app["properties"]!["functionAppConfig"]!["runtime"]!;

        Assert.Equal("functionapp,linux", (string?)app["kind"]);
        Assert.Equal("dotnet-isolated", (string?)runtime["name"]);
        Assert.Equal("10.0", (string?)runtime["version"]);
        Assert.True((bool)app["properties"]!["httpsOnly"]!);
        Assert.Equal("UserAssigned", (string?)app["identity"]!["type"]);
        var identity = Assert.Single(app["identity"]!["userAssignedIdentities"]!.AsObject());
        Assert.True(ArmValue.IsIdentityOutput(JsonValue.Create(identity.Key), "id"), identity.Key);
    }

    [Fact]
    public void App_Defaults_4096MBInstancesScaledToZeroWhenIdle()
    {
        var scale = infra.OneAccount.App["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(4096, (int)scale["instanceMemoryMB"]!);
        Assert.Empty(scale["alwaysReady"]!.AsArray());
    }

    [Fact]
    public void App_InstanceMemoryAndAlwaysReady_ComeFromTheParameters()
    {
        // The separate-feed snapshot also sets instanceMemoryMB = 2048 and durableAlwaysReadyInstances = 1.
        var scale = infra.SeparateFeedAccount.App["properties"]!["functionAppConfig"]!["scaleAndConcurrency"]!;

        Assert.Equal(2048, (int)scale["instanceMemoryMB"]!);
        var alwaysReady = Assert.Single(scale["alwaysReady"]!.AsArray());
        Assert.Equal("durable", (string?)alwaysReady!["name"]);
        Assert.Equal(1, (int)alwaysReady["instanceCount"]!);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void App_PackageIsReadFromTheHostAccountWithTheIdentity(string deployment)
    {
        var snapshot = Of(deployment);
        var storage = snapshot.App["properties"]!["functionAppConfig"]!["deployment"]!["storage"]!;
        var host = Snapshot.NameOf(snapshot.HostAccount);

        Assert.Equal("blobContainer", (string?)storage["type"]);
        var prefix = $"https://{host}.blob.{ArmValue.PublicCloudStorageSuffix}/";
        var url = ArmValue.Render(storage["value"]);
        Assert.StartsWith(prefix, url, StringComparison.Ordinal);
        Assert.Contains((host, url[prefix.Length..]), snapshot.ContainerNames);
        Assert.Equal("UserAssignedIdentity", (string?)storage["authentication"]!["type"]);
        Assert.True(ArmValue.IsIdentityOutput(storage["authentication"]!["userAssignedIdentityResourceId"], "id"));
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void Monitoring_RefusesLocalAuthentication(string deployment)
    {
        var snapshot = Of(deployment);
        var workspace = snapshot.Single("Microsoft.OperationalInsights/workspaces");
        var insights = snapshot.Single("Microsoft.Insights/components");

        Assert.True((bool)insights["properties"]!["DisableLocalAuth"]!);
        Assert.True((bool)workspace["properties"]!["features"]!["disableLocalAuth"]!);
        Assert.Equal(Snapshot.IdOf(workspace), (string?)insights["properties"]!["WorkspaceResourceId"]);
    }

    [Theory]
    [MemberData(nameof(Deployments))]
    public void SystemTopic_PublishesTheFeedAccountsEvents(string deployment)
    {
        var snapshot = Of(deployment);
        var topic = snapshot.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal(Snapshot.IdOf(snapshot.FeedAccount), (string?)topic["properties"]!["source"]);
        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic["properties"]!["topicType"]);
        Assert.Equal((string?)snapshot.FeedAccount["location"], (string?)topic["location"]);
    }

    [Fact]
    public void ParametersFile_NamesOnlyTheTemplatesParameters_AndEveryRequiredOne()
    {
        var template = infra.Compiled["parameters"]!.AsObject();
        var file = JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.InfraFolder, "main.parameters.json")))!["parameters"]!.AsObject();

        Assert.All(file.Select(p => p.Key), name => Assert.True(template.ContainsKey(name), $"main.parameters.json sets unknown parameter {name}."));
        Assert.All(template.Where(p => p.Value!["defaultValue"] is null).Select(p => p.Key),
            name => Assert.True(file.ContainsKey(name), $"main.parameters.json misses required parameter {name}."));
    }

    private Snapshot Of(string deployment) => deployment == "one-account" ? infra.OneAccount : infra.SeparateFeedAccount;
}
