using System.Diagnostics;
using System.Text.RegularExpressions;
using Wrapped.DurableHost.Azurite;
using Wrapped.TestSupport;

namespace Wrapped.Infra.Tests;

/// <summary>No storage key, signature or secret-bearing connection string is checked in, but Azurite's published development key.</summary>
public sealed partial class RepositorySecretsTests
{
    private static readonly HashSet<string> SkippedFolders = new(StringComparer.Ordinal) { ".git", "bin", "obj", "node_modules", "out", "TestResults", ".azurite", "BenchmarkDotNet.Artifacts" };

    [Fact]
    public async Task Repository_HoldsNoStorageKeyButAzuritesPublicOne()
    {
        var findings = new List<string>();
        foreach (var file in await RepositoryFilesAsync())
        {
            var text = File.ReadAllText(file);
            foreach (Match key in StorageKey().Matches(text))
            {
                if (key.Value != AzuriteProcess.DevAccountKey) findings.Add($"{Where(file, text, key.Index)}: a 64-byte key");
            }
            foreach (Match secret in SecretInConnectionString().Matches(text))
            {
                if (secret.Groups["value"].Value != AzuriteProcess.DevAccountKey) findings.Add($"{Where(file, text, secret.Index)}: {secret.Groups["name"].Value}=…");
            }
        }

        Assert.True(findings.Count == 0, string.Join("\n", findings));
    }

    /// <summary>File and line of a finding; never any of the secret itself.</summary>
    private static string Where(string file, string text, int index) =>
        $"{Path.GetRelativePath(RepoPaths.Root, file)}:{text.AsSpan(0, index).Count('\n') + 1}";

    /// <summary>
    /// What git would commit: tracked files and untracked ones it does not ignore (so a developer's git-ignored
    /// local.settings.json, which may hold a real key, is not a finding). Without git, every file but build output.
    /// </summary>
    private static async Task<IEnumerable<string>> RepositoryFilesAsync()
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = RepoPaths.Root, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "ls-files", "-z", "--cached", "--others", "--exclude-standard" }) start.ArgumentList.Add(argument);
        try
        {
            var listed = await ProcessResult.RunAsync(start, TimeSpan.FromMinutes(1));
            if (listed.ExitCode == 0)
            {
                return listed.Output.Split('\0', StringSplitOptions.RemoveEmptyEntries)
                    .Where(f => Path.GetFileName(f) != "package-lock.json")
                    .Select(f => Path.Combine(RepoPaths.Root, f))
                    .Where(File.Exists);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No git on this machine: walk the folder instead.
        }
        return Files(RepoPaths.Root);
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
