namespace Wrapped.Pipeline.Storage;

/// <summary>
/// How a file being written is named until it is committed: beside its target, with a leading <c>.</c> so that
/// Hadoop-style readers of the folder skip it, and a <c>.tmp</c> ending that says what it is.
/// </summary>
public static class TemporaryFiles
{
    private const string Suffix = ".tmp";

    /// <summary>A fresh temporary name for <paramref name="target"/>: unique per writer, so two attempts never share one.</summary>
    public static string For(string target) =>
        Path.Combine(Path.GetDirectoryName(target) ?? "", $".{Path.GetFileName(target)}.{Guid.NewGuid():N}{Suffix}");

    /// <summary>Whether <paramref name="path"/> is a temporary: the current naming, or the earlier <c>{target}.{guid}.tmp</c>.</summary>
    public static bool Is(string path) => path.EndsWith(Suffix, StringComparison.Ordinal);
}
