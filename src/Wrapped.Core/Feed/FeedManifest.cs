using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Feed;

/// <summary>
/// <c>_manifest.json</c>: what the run is (parameters, seed, inputs), what it holds (counts) and every file with its
/// size and SHA-256. Holds no clock time, so the same run always writes the same manifest.
/// </summary>
public sealed record FeedManifest(
    string FormatVersion,
    string RunId,
    RunParameters Parameters,
    IReadOnlyList<ManifestInput> Inputs,
    ManifestCounts Counts,
    IReadOnlyList<ManifestSchema> Schemas,
    IReadOnlyList<LedgerFile> Files,
    PersonalityAgreement? PersonalityAgreement = null)
{
    public const string CurrentFormatVersion = "1";
}

public sealed record ManifestInput(string Name, long Bytes, string Sha256);

public sealed record ManifestCounts(
    long Users,
    int Days,
    long Events,
    long Sessions,
    long DroppedSessions,
    long Skips,
    long ListeningTimeMs,
    long CatalogTracks,
    long CatalogArtists,
    int Files,
    long Bytes);

public sealed record ManifestSchema(string Name, string Fingerprint);
