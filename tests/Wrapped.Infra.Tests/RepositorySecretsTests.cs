using System.Text.RegularExpressions;
using Wrapped.DurableHost.Azurite;
using Wrapped.TestSupport;

namespace Wrapped.Infra.Tests;

/// <summary>No storage key, signature or secret-bearing connection string is checked in, but Azurite's published development key.</summary>
public sealed partial class RepositorySecretsTests
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "out", "TestResults", ".azurite", "BenchmarkDotNet.Artifacts" };

    [Fact]
    public void Repository_HoldsNoStorageKeyButAzuritesPublicOne()
    {
        var findings = new List<string>();
        foreach (var file in Files(RepoPaths.Root))
        {
            var text = File.ReadAllText(file);
            foreach (Match key in StorageKey().Matches(text))
            {
                if (key.Value != AzuriteProcess.DevAccountKey) findings.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: a 64-byte key {key.Value[..6]}…");
            }
            foreach (Match secret in SecretInConnectionString().Matches(text))
            {
                if (secret.Groups["value"].Value != AzuriteProcess.DevAccountKey) findings.Add($"{Path.GetRelativePath(RepoPaths.Root, file)}: {secret.Groups["name"].Value}=…");
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    private static IEnumerable<string> Files(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder))
        {
            if (Path.GetFileName(file) != "package-lock.json") yield return file;
        }
        foreach (var child in Directory.EnumerateDirectories(folder))
        {
            if (SkippedFolders.Contains(Path.GetFileName(child))) continue;
            foreach (var file in Files(child)) yield return file;
        }
    }

    /// <summary>Base64 of 64 bytes, the shape of a storage account key, not part of a longer token.</summary>
    [GeneratedRegex(@"(?<![A-Za-z0-9+/=-])[A-Za-z0-9+/]{86}==(?![A-Za-z0-9+/=])")]
    private static partial Regex StorageKey();

    /// <summary>A literal key or signature in a connection string or SAS (an interpolated value, <c>{…}</c>, is code, not a secret).</summary>
    [GeneratedRegex(@"(?<name>AccountKey|SharedAccessKey|SharedAccessSignature|sig)=(?<value>[A-Za-z0-9+/%]{16,}={0,2})")]
    private static partial Regex SecretInConnectionString();
}
