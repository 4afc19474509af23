using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary>
/// Where <c>prepare</c> reports rejected inputs. Into a new folder (or one holding only a report), its <c>_report.json</c>;
/// beside a folder that already holds something (a catalog from an earlier run), <c>{folder}.rejected.json</c>: a rejection never
/// touches an existing catalog, whose report must keep describing it.
/// </summary>
internal static class RejectionReport
{
    public static ReportLocation For(string folder)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(full);
        var layout = Core.Feed.FeedLayout.AtStoreRoot();
        // A folder with nothing but a report (an earlier rejection) holds no catalog to protect.
        if (parent is null || !Directory.Exists(full) || Directory.EnumerateFileSystemEntries(full).All(e => Path.GetFileName(e) == layout.Report))
            return new ReportLocation(new LocalFeedStore(full), layout.Report);
        return new ReportLocation(new LocalFeedStore(parent), SiblingName(full));
    }

    /// <summary>After a successful <c>prepare</c>, an earlier rejection beside the folder no longer describes it.</summary>
    public static void RemoveStale(string folder)
    {
        var full = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar);
        if (Path.GetDirectoryName(full) is { } parent) File.Delete(Path.Combine(parent, SiblingName(full)));
    }

    private static string SiblingName(string full) => Path.GetFileName(full) + ".rejected.json";
}
