namespace Wrapped.TestSupport;

/// <summary>A fresh folder under the system temp directory, deleted with the test.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string? name = null)
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"wrapped-{name ?? "test"}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>Every file under the folder as (relative path → bytes), for byte-for-byte comparisons of two runs.</summary>
    public static SortedDictionary<string, byte[]> Snapshot(string folder, Func<string, bool>? include = null)
    {
        var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            var relative = System.IO.Path.GetRelativePath(folder, file).Replace('\\', '/');
            if (include is null || include(relative)) files[relative] = File.ReadAllBytes(file);
        }
        return files;
    }

    /// <summary>
    /// What a Hadoop-style reader of the run folder sees: every file with no path segment starting with <c>_</c> or
    /// <c>.</c>, plus the <c>_manifest.json</c> and <c>_SUCCESS</c> markers at the top.
    /// </summary>
    public static SortedDictionary<string, byte[]> ReaderView(string runFolder) =>
        Snapshot(runFolder, p => p is "_manifest.json" or "_SUCCESS" || !p.Split('/').Any(s => s.StartsWith('_') || s.StartsWith('.')));

    /// <summary>Copies <paramref name="from"/> and everything under it to <paramref name="to"/>.</summary>
    public static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = System.IO.Path.Combine(to, System.IO.Path.GetRelativePath(from, file));
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
