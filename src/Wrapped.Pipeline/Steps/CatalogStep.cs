using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>Step 1: reads the three CSVs, prepares the catalog and writes <c>catalog/*.avro</c> and <c>_report.json</c>.</summary>
public static class CatalogStep
{
    public const string LedgerName = "catalog";

    /// <param name="rejectionReport">Where the report of a rejection goes; the layout's <c>_report.json</c> when null.</param>
    /// <exception cref="InputRejectedException">An input was rejected; the reasons are already in the rejection report.</exception>
    public static async Task<CatalogStepResult> RunAsync(
        IFeedStore store, FeedLayout layout, CatalogSettings settings, CatalogSources sources, CancellationToken cancellationToken,
        ReportLocation? rejectionReport = null)
    {
        // Reports name inputs by file name only, so a run reads the same wherever its inputs were (a folder, a container).
        sources = new CatalogSources(ByFileName(sources.Tracks), ByFileName(sources.Extended), ByFileName(sources.Artists));
        PreparedCatalog prepared;
        try
        {
            prepared = CatalogPreparer.Prepare(
                sources,
                new PreparationOptions(settings.ReferenceDate, settings.Clusters, settings.Seed),
                cancellationToken);
        }
        catch (InputRejectedException rejected)
        {
            var target = rejectionReport ?? new ReportLocation(store, layout.Report);
            await target.Store.WriteJsonAsync(target.Path, RunReport.Rejected(layout.RunId, rejected.Rejection), cancellationToken).ConfigureAwait(false);
            throw;
        }

        var codec = AvroCodecOptions.Parse(settings.Codec);
        var tracks = await store.WriteAvroAsync(layout, layout.CatalogTracks, FeedSchemas.Track, codec, settings.Seed,
            prepared.Tracks, TrackRecordCodec.Write, cancellationToken).ConfigureAwait(false);
        var artists = await store.WriteAvroAsync(layout, layout.CatalogArtists, FeedSchemas.Artist, codec, settings.Seed,
            prepared.Artists, ArtistRecordCodec.Write, cancellationToken).ConfigureAwait(false);
        var report = await store.WriteJsonAsync(layout.Report, RunReport.Prepared(layout.RunId, prepared.Report), cancellationToken).ConfigureAwait(false);

        await store.WriteJsonAsync(layout.Ledger(LedgerName),
            new Ledger(LedgerName, [tracks, artists, new LedgerFile(layout.RelativeToRun(report.Path), report.Bytes, report.Sha256, 0)], []),
            cancellationToken).ConfigureAwait(false);
        return new CatalogStepResult(prepared.Tracks.Count, prepared.Artists.Count, prepared.Report);
    }

    private static CsvSource ByFileName(CsvSource source) => source with { Name = Path.GetFileName(source.Name) };
}

public sealed record CatalogStepResult(int Tracks, int Artists, PreparationReport Report);

/// <summary>A file in a store, for a report written somewhere else than its run's folder.</summary>
public sealed record ReportLocation(IFeedStore Store, string Path)
{
    public override string ToString() => FeedStoreExtensions.Where(Store, Path);
}

/// <summary>What shapes the prepared catalog's bytes.</summary>
public sealed record CatalogSettings(DateOnly ReferenceDate, int Clusters, long Seed, string Codec)
{
    public static CatalogSettings Of(RunParameters parameters) =>
        new(parameters.EffectiveReferenceDate, parameters.Clusters, parameters.Seed, parameters.Codec);
}
