using System.Text.Json.Nodes;
using Wrapped.TestSupport;

namespace Wrapped.Infra.Tests;

/// <summary>
/// infra/main.bicep as CI sees it, made once for all the tests: linted, compiled to an ARM template, and evaluated
/// offline by <c>bicep snapshot</c> for two sets of parameters (the defaults, and a separate feed account), which
/// expands the modules into the resources a deployment would create, with their names, ids and properties.
/// </summary>
public sealed class Infrastructure : IAsyncLifetime
{
    public const string SubscriptionId = "00000000-0000-0000-0000-00000000c1c1";
    public const string DeployerId = "5f0d1a2b-3c4d-4e5f-8a9b-0c1d2e3f4a5b";
    public const string Location = "swedencentral";

    public static string InfraFolder => Path.Combine(RepoPaths.Root, "infra");

    public static string MainTemplate => Path.Combine(InfraFolder, "main.bicep");

    /// <summary>The lint's SARIF log.</summary>
    public JsonNode Lint { get; private set; } = null!;

    /// <summary>The compiled ARM template, as text (for what must appear nowhere) and as JSON.</summary>
    public string CompiledText { get; private set; } = "";

    public JsonNode Compiled => JsonNode.Parse(CompiledText)!;

    /// <summary>The default deployment: one storage account for the host and the feed; a deployer is given.</summary>
    public Snapshot OneAccount { get; private set; } = null!;

    /// <summary>The input and output containers in an account of their own; also 2,048 MB instances and one always-ready.</summary>
    public Snapshot SeparateFeedAccount { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var lint = BicepCli.RunAsync(InfraFolder, "lint", MainTemplate, "--diagnostics-format", "sarif");
        var build = BicepCli.RunAsync(InfraFolder, "build", MainTemplate, "--stdout");
        var oneAccount = Snapshot.TakeAsync("one-account", $"param principalId = '{DeployerId}'");
        var separate = Snapshot.TakeAsync("separate-feed", $"param principalId = '{DeployerId}'", "param separateFeedStorage = true",
            "param instanceMemoryMB = 2048", "param durableAlwaysReadyInstances = 1");

        var lintResult = await lint;
        Lint = JsonNode.Parse(lintResult.Output)
            ?? throw new InvalidOperationException($"bicep lint wrote no SARIF log: {lintResult.Error}");
        var buildResult = await build;
        if (buildResult.ExitCode != 0) throw new InvalidOperationException($"bicep build failed: {buildResult.Error}");
        CompiledText = buildResult.Output;
        OneAccount = await oneAccount;
        SeparateFeedAccount = await separate;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
