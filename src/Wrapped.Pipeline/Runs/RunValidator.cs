using System.Security.Cryptography;
using System.Text.Json;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation.Model;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Checks a finished run, in a store rooted at the run's folder or blob prefix: its manifest (a missing or damaged one
/// is a finding), <c>_SUCCESS</c>, the manifest's agreement with <c>_run.json</c>, schema fingerprints, every listed
/// file's size, SHA-256 and record count, completeness (<see cref="RunCompleteness"/>), counts that add up, the Wrapped
/// agreement (<see cref="WrappedValidation"/>), and no
/// temporary or unknown file. An extension staged and not committed is a note, not a problem: readers never see it.
/// </summary>
public static class RunValidator
{
    public static async Task<ValidationResult> ValidateAsync(IFeedStore run, CancellationToken cancellationToken)
    {
        var layout = FeedLayout.AtStoreRoot("run");
        var present = (await run.ListAsync("", cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var problems = new List<string>();
        var notes = new List<string>();
        var manifest = await TryReadAsync<FeedManifest>(run, layout.Manifest, problems, cancellationToken).ConfigureAwait(false);
        if (manifest is null)
        {
            if (!present.Contains(layout.Manifest)) problems.Add($"{layout.Manifest} is missing: the run never finished, or this is not a run.");
            return new ValidationResult(null, 0, 0, 0, problems, notes);
        }
        if (manifest.Parameters is null || manifest.Counts is null || manifest.Files is null || manifest.Schemas is null)
        {
            problems.Add($"{layout.Manifest} lacks its parameters, counts, files or schemas.");
            return new ValidationResult(manifest.RunId, 0, 0, 0, problems, notes);
        }

        await CheckStateAsync(run, layout, present, problems, notes, cancellationToken).ConfigureAwait(false);
        var definition = await TryReadAsync<RunDefinition>(run, layout.Parameters, problems, cancellationToken).ConfigureAwait(false);
        if (definition is not null) CheckAgreement(manifest, definition, problems);
        else if (!present.Contains(layout.Parameters)) problems.Add($"{layout.Parameters} is missing.");
        var model = await CheckModelAsync(run, layout, manifest.Parameters, present, problems, notes, cancellationToken).ConfigureAwait(false);
        CheckSchemas(manifest, model, problems);
        var (records, bytes) = await CheckFilesAsync(run, manifest, new LocalDayCheck(run, layout), problems, cancellationToken).ConfigureAwait(false);
        CheckCompleteness(manifest, present, problems);
        CheckCounts(manifest, problems);
        problems.AddRange(WrappedValidation.Problems(manifest));
        return new ValidationResult(manifest.RunId, manifest.Files.Count, records, bytes, problems, notes);
    }

    private static async Task CheckStateAsync(IFeedStore run, FeedLayout layout, IReadOnlySet<string> present, List<string> problems, List<string> notes,
        CancellationToken cancellationToken)
    {
        var staged = present.Where(layout.IsStaged).ToList();
        var committed = staged.Contains(layout.Staged(layout.Success));
        if (!present.Contains(layout.Success))
        {
            problems.Add(committed
                ? $"{layout.Success} is missing: an extension has committed and is being applied (readers wait); run it again to finish it."
                : $"{layout.Success} is missing: the run did not finish.");
        }
        if (staged.Count == 0) return;
        var extension = await TryReadAsync<RunDefinition>(run, layout.Staged(layout.Parameters), [], cancellationToken).ConfigureAwait(false);
        var end = extension is null ? "a later end" : $"{extension.Parameters.End:yyyy-MM-dd}";
        notes.Add(committed ? $"An extension to {end} has committed and is not applied yet ({staged.Count} staged files): run it again to apply it."
            : extension is null ? $"{staged.Count} staged files of an abandoned extension are ignored by readers; the next extension clears them."
            : $"An extension to {end} is staged and not committed ({staged.Count} files, ignored by readers): run it again to finish it.");
    }

    private static void CheckAgreement(FeedManifest manifest, RunDefinition definition, List<string> problems)
    {
        var (run, listed) = (definition.Parameters, manifest.Parameters);
        Compare("run id", run.RunId, manifest.RunId);
        Compare("dataset", run.Dataset, listed.Dataset);
        Compare("users", run.Users, listed.Users);
        Compare("start", run.Start, listed.Start);
        Compare("end", run.End, listed.End);
        Compare("seed", run.Seed, listed.Seed);
        Compare("part size", run.PartSize, listed.PartSize);
        Compare("clusters", run.Clusters, listed.Clusters);
        Compare("reference date", run.EffectiveReferenceDate, listed.EffectiveReferenceDate);
        Compare("codec", run.Codec, listed.Codec);
        Compare("model", run.ModelHash, listed.ModelHash);
        Compare("time zone database", run.TimeZoneDatabase, listed.TimeZoneDatabase);
        if (!definition.Inputs.SequenceEqual(manifest.Inputs)) problems.Add("_run.json and the manifest name different inputs.");

        void Compare<T>(string name, T defined, T inManifest)
        {
            if (!EqualityComparer<T>.Default.Equals(defined, inManifest))
                problems.Add($"_run.json has {name} {Text(defined)}; the manifest has {Text(inManifest)}.");
        }

        static string Text<T>(T value) => value is DateOnly date ? date.ToString("yyyy-MM-dd") : $"{value}";
    }

    /// <summary>The run's <c>_model.json</c>: there, a valid model, the one the manifest's parameters name. Null when it is not.</summary>
    private static async Task<ListeningModel?> CheckModelAsync(IFeedStore run, FeedLayout layout, RunParameters parameters, IReadOnlySet<string> present,
        List<string> problems, List<string> notes, CancellationToken cancellationToken)
    {
        if (!present.Contains(layout.Model))
        {
            problems.Add($"{layout.Model} is missing: the run does not say which listening model made it.");
            return null;
        }
        ListeningModel model;
        try
        {
            model = ListeningModel.Parse(await RunModels.ReadTextAsync(run, layout.Model, cancellationToken).ConfigureAwait(false), layout.Model);
        }
        catch (ListeningModelException e)
        {
            problems.Add(e.Message);
            return null;
        }
        if (model.Hash != parameters.ModelHash)
        {
            problems.Add($"{layout.Model} is the listening model {model.Hash[..12]}…; the manifest names {parameters.ModelHash[..Math.Min(12, parameters.ModelHash.Length)]}….");
            return null;
        }
        var zones = model.HasTimeZones ? Core.TimeZones.ListenerTimeZone.DatabaseVersion : null;
        if (parameters.TimeZoneDatabase != zones)
        {
            // Another release's clocks can move a local day by an hour: the run is what it was, the check's basis is not.
            if (model.HasTimeZones && parameters.TimeZoneDatabase is not null)
                notes.Add($"The run was made with TZDB {parameters.TimeZoneDatabase}; this build has {zones}: its local days are checked with this build's zones.");
            else
                problems.Add($"The manifest names TZDB {parameters.TimeZoneDatabase ?? "(none)"}, but the run's model {(model.HasTimeZones ? "has" : "has no")} time zones.");
        }
        return model;
    }

    /// <summary>The manifest's fingerprints are this build's schemas for the run's model (its users schema depends on it).</summary>
    private static void CheckSchemas(FeedManifest manifest, ListeningModel? model, List<string> problems)
    {
        foreach (var schema in model is null ? FeedSchemas.All : FeedSchemas.AllFor(model))
        {
            var listed = manifest.Schemas.FirstOrDefault(s => s.Name == schema.Name);
            if (listed is null) problems.Add($"The manifest lists no fingerprint for schema {schema.Name}.");
            else if (listed.Fingerprint != schema.Fingerprint) problems.Add($"Schema {schema.Name} differs from this build's (manifest {listed.Fingerprint[..12]}…, build {schema.Fingerprint[..12]}…).");
        }
    }

    /// <summary>
    /// Every listed file against its entry: there, same size and SHA-256, a well-formed container with the records
    /// listed; and every event inside its listener's local day (<see cref="LocalDayCheck"/>).
    /// </summary>
    private static async Task<(long Records, long Bytes)> CheckFilesAsync(
        IFeedStore run, FeedManifest manifest, LocalDayCheck localDays, List<string> problems, CancellationToken cancellationToken)
    {
        long records = 0, bytes = 0;
        foreach (var file in manifest.Files)
        {
            if (!await run.ExistsAsync(file.Path, cancellationToken).ConfigureAwait(false))
            {
                problems.Add($"{file.Path} is listed in the manifest but missing.");
                continue;
            }
            await using var stream = await run.OpenReadAsync(file.Path, cancellationToken).ConfigureAwait(false);
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
                var scanned = LocalDayCheck.Covers(file.Path)
                    ? await localDays.CheckAsync(file.Path, buffer.GetBuffer().AsMemory(0, (int)buffer.Length), problems, cancellationToken).ConfigureAwait(false)
                    : AvroContainerScanner.Scan(buffer).Records;
                records += scanned;
                if (scanned != file.Records) problems.Add($"{file.Path} holds {scanned} records; the manifest says {file.Records}.");
            }
            catch (Exception e) when (e is InvalidDataException or FeedSchemaMismatchException)
            {
                problems.Add($"{file.Path}: {e.Message}");
            }
        }
        return (records, bytes);
    }

    /// <summary>Every file the run's parameters call for is listed; nothing else is there but bookkeeping and staged work.</summary>
    private static void CheckCompleteness(FeedManifest manifest, IReadOnlySet<string> present, List<string> problems)
    {
        var listed = manifest.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var expected = RunCompleteness.ExpectedFiles(manifest.Parameters, listed).ToHashSet(StringComparer.Ordinal);
        foreach (var path in expected.Where(p => !listed.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add(present.Contains(path)
                ? $"{path} is not listed in the manifest."
                : $"{path} is missing, and not listed in the manifest either: the run is incomplete.");
        }
        foreach (var path in listed.Where(p => !expected.Contains(p)).Order(StringComparer.Ordinal))
        {
            problems.Add($"{path} is listed in the manifest but is no file of this run ({manifest.Parameters.PartCount} parts, {manifest.Parameters.Start:yyyy-MM-dd} to {manifest.Parameters.End:yyyy-MM-dd}).");
        }
        var staging = FeedLayout.AtStoreRoot("run");
        foreach (var path in present)
        {
            if (listed.Contains(path) || expected.Contains(path) || staging.IsStaged(path) || RunCompleteness.IsBookkeeping(path)) continue;
            problems.Add(TemporaryFiles.Is(path)
                ? $"{path} is a temporary file left by an interrupted write: run the same command again to resume (it deletes such files)."
                : $"{path} is not listed in the manifest.");
        }
    }

    private static void CheckCounts(FeedManifest manifest, List<string> problems)
    {
        var (parameters, counts, files) = (manifest.Parameters, manifest.Counts, manifest.Files);
        long Records(string folder) => files.Where(f => f.Path.StartsWith(folder, StringComparison.Ordinal)).Sum(f => f.Records);
        var events = Records("events/");
        if (events != counts.Events) problems.Add($"The event files hold {events} records; the manifest counts {counts.Events} events.");
        if (Records("users/") != parameters.Users) problems.Add($"The users/ files hold {Records("users/")} users; the run has {parameters.Users}.");
        if (Records("state/") != parameters.Users) problems.Add($"The state/ files hold {Records("state/")} users' state; the run has {parameters.Users} users.");
        if (counts.Users != parameters.Users) problems.Add($"The manifest counts {counts.Users} users; its parameters say {parameters.Users}.");
        if (counts.Days != parameters.Days)
            problems.Add($"The manifest counts {counts.Days} days; {parameters.Start:yyyy-MM-dd} to {parameters.End:yyyy-MM-dd} has {parameters.Days}.");
        if (counts.Files != files.Count) problems.Add($"The manifest counts {counts.Files} files; it lists {files.Count}.");
        if (counts.Bytes != files.Sum(f => f.Bytes)) problems.Add($"The manifest counts {counts.Bytes} bytes; its files add up to {files.Sum(f => f.Bytes)}.");
        if (counts.CatalogTracks != Records("catalog/tracks.avro")) problems.Add($"The manifest counts {counts.CatalogTracks} catalog tracks; the file holds {Records("catalog/tracks.avro")}.");
        if (counts.CatalogArtists != Records("catalog/artists.avro")) problems.Add($"The manifest counts {counts.CatalogArtists} artists; the file holds {Records("catalog/artists.avro")}.");
    }

    /// <summary>A JSON file of the run, or null with a finding when it is there but cannot be read.</summary>
    private static async Task<T?> TryReadAsync<T>(IFeedStore run, string path, List<string> problems, CancellationToken cancellationToken) where T : class
    {
        try
        {
            return await run.TryReadJsonAsync<T>(path, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is JsonException or InvalidDataException or NotSupportedException or Steps.FeedInputException)
        {
            // The store names a damaged JSON file itself (FeedInputException); the finding wants its cause.
            var cause = e is Steps.FeedInputException { InnerException: { } inner } ? inner : e;
            problems.Add($"{path} cannot be read: {cause.Message}");
            return null;
        }
    }
}

/// <param name="RunId">The run's id as its manifest gives it; null when there is no readable manifest.</param>
/// <param name="Notes">What is worth knowing but wrong with nothing, such as an extension staged and not committed.</param>
public sealed record ValidationResult(string? RunId, int Files, long Records, long Bytes, IReadOnlyList<string> Problems, IReadOnlyList<string> Notes)
{
    public bool IsValid => Problems.Count == 0;
}
