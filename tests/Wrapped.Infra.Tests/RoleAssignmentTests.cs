using System.Text.Json.Nodes;

namespace Wrapped.Infra.Tests;

/// <summary>Who may do what, where: least privilege, every assignment accounted for.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class RoleAssignmentTests(Infrastructure infra)
{
    // Built-in role definition ids, as Azure's documentation lists them.
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    [Fact]
    public void OneAccount_IdentityRunsTheHostAndFeedThere_DeployerUploads_TelemetryIsPublished()
    {
        var snapshot = infra.OneAccount;
        var account = Snapshot.IdOf(snapshot.HostAccount);
        var insights = Snapshot.IdOf(snapshot.Single("Microsoft.Insights/components"));

        AssertAssignments(snapshot,
        [
            (account, StorageBlobDataOwner, "identity"),
            (account, StorageQueueDataContributor, "identity"),
            (account, StorageTableDataContributor, "identity"),
            (insights, MonitoringMetricsPublisher, "identity"),
            (account, StorageBlobDataContributor, "deployer"),
        ]);
    }

    [Fact]
    public void SeparateFeedAccount_FeedGetsBlobsAndThePoisonQueueOnly_DeployerOnlyOnTheFeed()
    {
        var snapshot = infra.SeparateFeedAccount;
        var host = Snapshot.IdOf(snapshot.HostAccount);
        var feed = Snapshot.IdOf(snapshot.FeedAccount);
        var insights = Snapshot.IdOf(snapshot.Single("Microsoft.Insights/components"));

        AssertAssignments(snapshot,
        [
            (host, StorageBlobDataOwner, "identity"),
            (host, StorageQueueDataContributor, "identity"),
            (host, StorageTableDataContributor, "identity"),
            (feed, StorageBlobDataOwner, "identity"),
            (feed, StorageQueueDataContributor, "identity"),
            (insights, MonitoringMetricsPublisher, "identity"),
            (feed, StorageBlobDataContributor, "deployer"),
        ]);
    }

    private static void AssertAssignments(Snapshot snapshot, (string Scope, string Role, string Principal)[] expected)
    {
        var actual = snapshot.OfType("Microsoft.Authorization/roleAssignments").Select(a => Describe(a)).ToArray();

        Assert.Equal(expected.Order(), actual.Order());
    }

    private static (string Scope, string Role, string Principal) Describe(JsonNode assignment)
    {
        var properties = assignment["properties"]!;
        var definition = (string)properties["roleDefinitionId"]!;
        Assert.Equal($"/subscriptions/{Infrastructure.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/{definition[(definition.LastIndexOf('/') + 1)..]}", definition);

        var principal = (string?)properties["principalId"] == Infrastructure.DeployerId ? "deployer"
            : ArmValue.IsIdentityOutput(properties["principalId"], "principalId") ? "identity"
            : $"unexpected principal {properties["principalId"]}";
        Assert.Equal(principal == "deployer" ? "User" : "ServicePrincipal", (string?)properties["principalType"]);
        return (Snapshot.ScopeOf(assignment), definition[(definition.LastIndexOf('/') + 1)..], principal);
    }
}
