namespace Wrapped.TestSupport;

/// <summary>Finds the repository from a test's output folder, so tests can use the bundled sample, the fixtures and the node tools.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Samples => Path.Combine(Root, "samples");

    public static string Sample(string file) => Path.Combine(Samples, file);

    /// <summary>The earlier, smaller real copies (index columns, CRLF, <c>Unnamed: 0</c>), kept as fixtures for those quirks.</summary>
    public static string SmallSamples => Path.Combine(Root, "tests", "fixtures", "small-sample");

    public static string SmallSample(string file) => Path.Combine(SmallSamples, file);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "WrappedFunctions.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"No WrappedFunctions.sln above {AppContext.BaseDirectory}.");
    }
}
