using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Last step: assembles <c>_manifest.json</c> from the steps' ledgers, then writes <c>_SUCCESS</c>. An extension runs it
/// through its staging view (<see cref="RunTransaction"/>), where the two are its commit record.
/// </summary>
public static class ManifestStep
{
    public static async Task<FeedManifest> RunAsync(IFeedStore store, FeedLayout layout, CancellationToken cancellationToken)
    {
        var definition = await store.ReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
        var model = await RunModels.GetAsync(store, layout, definition.Parameters, cancellationToken).ConfigureAwait(false);
        var ledgers = new List<Ledger>();
        foreach (var path in await store.ListAsync(layout.LedgerFolder, cancellationToken).ConfigureAwait(false))
        {
            if (TemporaryFiles.Is(path)) continue;
            ledgers.Add(await store.ReadJsonAsync<Ledger>(path, cancellationToken).ConfigureAwait(false));
        }

        var files = ledgers.SelectMany(l => l.Files).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        var days = ledgers.SelectMany(l => l.Days).GroupBy(d => d.Date).Select(g => g.Aggregate((a, b) => a.Add(b))).ToList();
        var catalogTracks = files.FirstOrDefault(f => f.Path == layout.RelativeToRun(layout.CatalogTracks))?.Records ?? 0;
        var catalogArtists = files.FirstOrDefault(f => f.Path == layout.RelativeToRun(layout.CatalogArtists))?.Records ?? 0;
        var counts = new ManifestCounts(
            Users: definition.Parameters.Users,
            Days: days.Count,
            Events: days.Sum(d => d.Events),
            Sessions: days.Sum(d => d.Sessions),
            DroppedSessions: days.Sum(d => d.DroppedSessions),
            Skips: days.Sum(d => d.Skips),
            ListeningTimeMs: days.Sum(d => d.ListeningTimeMs),
            CatalogTracks: catalogTracks,
            CatalogArtists: catalogArtists,
            Files: files.Count,
            Bytes: files.Sum(f => f.Bytes));
        var manifest = new FeedManifest(
            FeedManifest.CurrentFormatVersion,
            layout.RunId,
            definition.Parameters,
            definition.Inputs,
            counts,
            FeedSchemas.AllFor(model).Select(s => new ManifestSchema(s.Name, s.Fingerprint)).ToList(),
            files,
            await WrappedStep.ReadAgreementAsync(store, layout, definition.Parameters, cancellationToken).ConfigureAwait(false));

        await store.WriteJsonAsync(layout.Manifest, manifest, cancellationToken).ConfigureAwait(false);
        await store.WriteAsync(layout.Success, (_, _) => Task.CompletedTask, cancellationToken).ConfigureAwait(false);
        return manifest;
    }
}
