using System.Globalization;

namespace Wrapped.Core.Feed;

/// <summary>The paths of one run's files (SPEC section 5), relative to the store's root.</summary>
public sealed class FeedLayout
{
    private const string StagingName = "_staging";

    private readonly string _prefix;

    /// <summary>The layout of run <paramref name="runId"/> under <c>runs/{runId}/</c>.</summary>
    public FeedLayout(string runId) : this(RunIdentity.Validate(runId), $"runs/{runId}")
    {
    }

    private FeedLayout(string runId, string root)
    {
        RunId = runId;
        Root = root;
        _prefix = root.Length == 0 ? "" : root + "/";
    }

    /// <summary>A run's layout at the root of a store: what <c>prepare --out DIR</c> writes (the catalog and its report).</summary>
    public static FeedLayout AtStoreRoot(string runId = "catalog") => new(RunIdentity.Validate(runId), "");

    public string RunId { get; }

    /// <summary>The run's folder, without a trailing slash; empty for <see cref="AtStoreRoot"/>.</summary>
    public string Root { get; }

    public string CatalogTracks => $"{_prefix}catalog/tracks.avro";
    public string CatalogArtists => $"{_prefix}catalog/artists.avro";
    public string Report => $"{_prefix}_report.json";
    public string Manifest => $"{_prefix}_manifest.json";
    public string Success => $"{_prefix}_SUCCESS";
    public string Parameters => $"{_prefix}_run.json";

    /// <summary>The listening model the run simulates with, as given: the run says how it was made.</summary>
    public string Model => $"{_prefix}_model.json";
    public string LedgerFolder => $"{_prefix}_ledger/";

    /// <summary>The lock a writer of the run holds for the run's life (a file lock on a folder, a lease on a blob).</summary>
    public string WriterLock => $"{_prefix}_writer.lock";

    /// <summary>Who holds <see cref="WriterLock"/> (or, for an orchestration, has claimed the run): read by whoever is refused.</summary>
    public string Writer => $"{_prefix}_writer.json";

    /// <summary>
    /// Where an extension stages everything it writes until it commits: the same paths below <c>_staging/</c>, which
    /// Hadoop-style readers skip. The staged <c>_SUCCESS</c>, written last, is the extension's commit record.
    /// </summary>
    public string StagingFolder => $"{_prefix}{StagingName}/";

    public string UsersPart(int part) => $"{_prefix}users/{PartName(part)}";
    public string StatePart(int part) => $"{_prefix}state/{PartName(part)}";
    public string WrappedPart(int part) => $"{_prefix}wrapped/{PartName(part)}";

    /// <summary>A part's Wrapped summaries before the population's medians gave them letters (phase 1 of Wrapped).</summary>
    public string WrappedScoresPart(int part) => $"{_prefix}_wrapped/scores/{PartName(part)}";

    /// <summary>Each year's medians of the personality scores over the whole run.</summary>
    public string WrappedMedians => $"{_prefix}_wrapped/medians.json";

    /// <summary>What a part's Wrapped step produced: counts and the agreement of inferred with generated personalities.</summary>
    public string WrappedOutcome(int part) => $"{_prefix}_wrapped/part-{part:00000}.json";
    public string EventsPart(DateOnly date, int part) => $"{EventsFolder(date)}{PartName(part)}";
    public string EventsFolder(DateOnly date) => $"{_prefix}events/date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}/";

    /// <summary>The sizes, checksums and counts of the files one step wrote: the manifest is assembled from these without re-reading the data.</summary>
    public string Ledger(string name) => $"{LedgerFolder}{name}.json";

    public static string PartLedgerName(int part) => $"part-{part:00000}";

    /// <summary>Turns a path of this run into the path relative to the run's folder, as the manifest lists it.</summary>
    public string RelativeToRun(string path) =>
        path.StartsWith(_prefix, StringComparison.Ordinal) ? path[_prefix.Length..] : path;

    public static string PartName(int part) => $"part-{part:00000}.avro";

    /// <summary>Where an extension stages <paramref name="path"/> (a path of this run) until it commits.</summary>
    public string Staged(string path) => $"{StagingFolder}{RelativeToRun(path)}";

    /// <summary>The path a staged file takes when its extension commits.</summary>
    public string Unstaged(string stagedPath) =>
        IsStaged(stagedPath) ? $"{_prefix}{stagedPath[StagingFolder.Length..]}" : stagedPath;

    public bool IsStaged(string path) => path.StartsWith(StagingFolder, StringComparison.Ordinal);
}
