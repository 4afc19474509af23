namespace Wrapped.Infra.Tests;

/// <summary>The templates lint clean and carry no key, no way to list one, and no connection string with a secret.</summary>
[Collection(InfrastructureCollection.Name)]
public sealed class TemplateSecretsTests(Infrastructure infra)
{
    /// <summary>ARM functions that return keys or secrets, and the parts of connection strings that hold one.</summary>
    private static readonly string[] Forbidden =
    [
        "listKeys(", "listConnectionStrings(", "listSecrets(", "listAccountSas(", "listServiceSas(", "listCredentials(",
        "AccountKey=", "SharedAccessKey", "SharedAccessSignature", "InstrumentationKey=",
    ];

    [Fact]
    public void Lint_WithTheRepositorysConfiguration_ReportsNothingAtAll()
    {
        // bicepconfig.json makes the linter's warnings errors; compiler warnings (an unknown property) count too.
        var results = infra.Lint["runs"]!.AsArray().SelectMany(run => run!["results"]!.AsArray()).ToArray();

        Assert.True(results.Length == 0, string.Join("\n", results.Select(r => r!.ToJsonString())));
    }

    [Fact]
    public void CompiledTemplateAndSnapshots_HoldNoKeyNorAWayToListOne()
    {
        foreach (var (name, text) in new[] { ("main.json", infra.CompiledText), ("one-account", infra.OneAccount.Text), ("separate-feed", infra.SeparateFeedAccount.Text) })
        {
            Assert.All(Forbidden, token => Assert.False(text.Contains(token, StringComparison.OrdinalIgnoreCase), $"{name} contains {token}"));
        }
    }

    [Fact]
    public void CompiledTemplate_TakesNoSecretAsAParameter()
    {
        var types = infra.Compiled["parameters"]!.AsObject().Select(p => ((string?)p.Value!["type"])?.ToLowerInvariant());

        Assert.DoesNotContain("securestring", types);
        Assert.DoesNotContain("secureobject", types);
    }
}
