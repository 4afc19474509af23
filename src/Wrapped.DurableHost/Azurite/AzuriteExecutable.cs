namespace Wrapped.DurableHost.Azurite;

/// <summary>Finds the repository's pinned Azurite (installed by <c>npm ci</c>) so no global install is needed.</summary>
public static class AzuriteExecutable
{
    /// <summary>
    /// Walks up from the app's base directory, then from the current directory, to the first folder holding a
    /// <c>package.json</c>, and returns its <c>node_modules/.bin/azurite</c>.
    /// </summary>
    /// <exception cref="FileNotFoundException">No package.json was found, or <c>npm ci</c> has not been run.</exception>
    public static string Find() => Find([AppContext.BaseDirectory, Directory.GetCurrentDirectory()]);

    internal static string Find(IReadOnlyList<string> startFolders)
    {
        string? packageFolder = null;
        foreach (string start in startFolders)
        {
            packageFolder = FindPackageFolder(start);
            if (packageFolder is not null && ExistingBinary(packageFolder) is { } binary)
            {
                return binary;
            }

            if (packageFolder is not null)
            {
                break;
            }
        }

        if (packageFolder is null)
        {
            throw new FileNotFoundException(
                "Azurite was not found: no package.json above " +
                string.Join(" or ", startFolders.Select(f => $"'{f}'")) + ". " +
                "Run from inside the repository, then run `npm ci` in its root.");
        }

        throw new FileNotFoundException(
            $"Azurite is not installed under '{Path.Combine(packageFolder, "node_modules")}'. " +
            $"Run `npm ci` in '{packageFolder}' to install the pinned version.");
    }

    private static string? FindPackageFolder(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "package.json")))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    private static string? ExistingBinary(string packageFolder)
    {
        // npm writes a .cmd shim on Windows and a symlink to the script elsewhere.
        string name = OperatingSystem.IsWindows() ? "azurite.cmd" : "azurite";
        string path = Path.Combine(packageFolder, "node_modules", ".bin", name);
        return File.Exists(path) ? path : null;
    }
}
