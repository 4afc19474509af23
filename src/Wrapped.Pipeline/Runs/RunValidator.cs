using System.Security.Cryptography;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Checks a finished run against its manifest: <c>_SUCCESS</c> present, every listed file there with its size and
/// SHA-256, every Avro file well-formed with the record count the manifest says, no unlisted data file, schema
/// fingerprints equal to this build's, and a Wrapped part for every users part (<see cref="WrappedValidation"/>).
/// </summary>
public static class RunValidator
{
    public static async Task<ValidationResult> ValidateAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (!await store.ExistsAsync(layout.Manifest, cancellationToken).ConfigureAwait(false))
            return new ValidationResult(layout.RunId, 0, 0, 0, [$"{layout.Manifest} is missing: the run never finished."]);
        if (!await store.ExistsAsync(layout.Success, cancellationToken).ConfigureAwait(false))
            problems.Add($"{layout.Success} is missing: the run did not finish (or is being extended).");
        var manifest = await store.ReadJsonAsync<FeedManifest>(layout.Manifest, cancellationToken).ConfigureAwait(false);

        foreach (var schema in FeedSchemas.All)
        {
            var listed = manifest.Schemas.FirstOrDefault(s => s.Name == schema.Name);
            if (listed is null) problems.Add($"The manifest lists no fingerprint for schema {schema.Name}.");
            else if (listed.Fingerprint != schema.Fingerprint) problems.Add($"Schema {schema.Name} differs from this build's (manifest {listed.Fingerprint[..12]}…, build {schema.Fingerprint[..12]}…).");
        }

        long records = 0, bytes = 0;
        foreach (var file in manifest.Files)
        {
            var path = $"{(layout.Root.Length == 0 ? "" : layout.Root + "/")}{file.Path}";
            if (!await store.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"{file.Path} is listed in the manifest but missing.");
                continue;
            }
            await using var stream = await store.OpenReadAsync(path, cancellationToken).ConfigureAwait(false);
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
            var sha = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            bytes += buffer.Length;
            if (buffer.Length != file.Bytes) problems.Add($"{file.Path} has {buffer.Length} bytes; the manifest says {file.Bytes}.");
            if (sha != file.Sha256) problems.Add($"{file.Path} has SHA-256 {sha[..12]}…; the manifest says {file.Sha256[..12]}….");
            if (!file.Path.EndsWith(".avro", StringComparison.Ordinal)) continue;
            buffer.Position = 0;
            try
            {
                var scanned = AvroContainerScanner.Scan(buffer);
                records += scanned.Records;
                if (scanned.Records != file.Records) problems.Add($"{file.Path} holds {scanned.Records} records; the manifest says {file.Records}.");
            }
            catch (InvalidDataException e)
            {
                problems.Add($"{file.Path}: {e.Message}");
            }
        }

        var listedPaths = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var folder in new[] { "events/", "users/", "state/", "catalog/", "wrapped/" })
        {
            foreach (var path in await store.ListAsync($"{(layout.Root.Length == 0 ? "" : layout.Root + "/")}{folder}", cancellationToken).ConfigureAwait(false))
            {
                if (!listedPaths.Contains(layout.RelativeToRun(path))) problems.Add($"{layout.RelativeToRun(path)} is not listed in the manifest.");
            }
        }

        var eventRecords = manifest.Files.Where(f => f.Path.StartsWith("events/", StringComparison.Ordinal)).Sum(f => f.Records);
        if (eventRecords != manifest.Counts.Events) problems.Add($"The event files hold {eventRecords} records; the manifest counts {manifest.Counts.Events} events.");
        problems.AddRange(WrappedValidation.Problems(manifest));
        return new ValidationResult(layout.RunId, manifest.Files.Count, records, bytes, problems);
    }
}

public sealed record ValidationResult(string RunId, int Files, long Records, long Bytes, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
