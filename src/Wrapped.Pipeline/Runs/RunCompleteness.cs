using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// The files a finished run's manifest must list, from its parameters alone: the catalog and its report, one users and
/// one state file per part, and an events file for every day of the range and every part. So a run missing a whole day, a part or a
/// users file is incomplete even when its manifest was edited to match.
/// </summary>
public static class RunCompleteness
{
    public static IEnumerable<string> ExpectedFiles(RunParameters parameters, IEnumerable<string> listed)
    {
        var layout = FeedLayout.AtStoreRoot(parameters.RunId);
        yield return layout.CatalogTracks;
        yield return layout.CatalogArtists;
        yield return layout.Report;
        for (var part = 0; part < parameters.PartCount; part++)
        {
            yield return layout.UsersPart(part);
            yield return layout.StatePart(part);
        }
        for (var date = parameters.Start; date <= parameters.End; date = date.AddDays(1))
        {
            for (var part = 0; part < parameters.PartCount; part++)
            {
                yield return layout.EventsPart(date, part);
            }
        }
        // Wrapped summaries, once a run has them, come one file per part. (The Wrapped step's other files join here.)
        if (listed.Any(p => p.StartsWith("wrapped/", StringComparison.Ordinal)))
        {
            for (var part = 0; part < parameters.PartCount; part++)
            {
                yield return layout.WrappedPart(part);
            }
        }
    }

    /// <summary>Files of a run that describe it rather than hold its data: never listed in its manifest, never unknown.</summary>
    public static bool IsBookkeeping(string path) =>
        path is "_run.json" or "_model.json" or "_report.json" or "_manifest.json" or "_SUCCESS" or "_writer.lock" or "_writer.json"
        || (path.StartsWith("_ledger/", StringComparison.Ordinal) && path.EndsWith(".json", StringComparison.Ordinal))
        || (path.StartsWith("_wrapped/", StringComparison.Ordinal) && !TemporaryFiles.Is(path));
}
