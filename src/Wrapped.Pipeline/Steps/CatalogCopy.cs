using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>Brings a catalog made by <c>prepare</c> into a run, byte for byte (its sync markers depend only on the seed and the path inside the run).</summary>
public static class CatalogCopy
{
    /// <summary>Refuses a folder that is not a catalog <c>prepare</c> finished: its report is missing, or says the inputs were rejected.</summary>
    /// <exception cref="FeedInputException">Not a prepared catalog.</exception>
    public static async Task EnsurePreparedAsync(IFeedStore catalog, CancellationToken cancellationToken)
    {
        var source = FeedLayout.AtStoreRoot();
        var report = await catalog.TryReadJsonAsync<RunReport>(source.Report, cancellationToken).ConfigureAwait(false)
            ?? throw new FeedInputException($"{catalog.Description} is not a prepared catalog: {source.Report} is missing (run prepare --out there first).");
        if (report.Status != RunReport.PreparedStatus)
        {
            var why = report.Rejection is { } rejection ? $": {rejection.Describe()}" : "";
            throw new FeedInputException(
                $"{FeedStoreExtensions.Where(catalog, source.Report)} says the catalog's inputs were {report.Status}{why}; prepare it again from good inputs.");
        }
    }

    public static async Task RunAsync(IFeedStore from, IFeedStore to, FeedLayout layout, CancellationToken cancellationToken)
    {
        var source = FeedLayout.AtStoreRoot();
        var files = new List<LedgerFile>();
        foreach (var (sourcePath, targetPath) in new[]
                 {
                     (source.CatalogTracks, layout.CatalogTracks),
                     (source.CatalogArtists, layout.CatalogArtists),
                     (source.Report, layout.Report),
                 })
        {
            if (!await from.ExistsAsync(sourcePath, cancellationToken).ConfigureAwait(false))
                throw new FeedInputException($"{from.Description} is not a prepared catalog: {sourcePath} is missing (run prepare --out there first).");
            var prior = await from.TryReadJsonAsync<Ledger>(source.Ledger(CatalogStep.LedgerName), cancellationToken).ConfigureAwait(false);
            var stored = await to.WriteAsync(targetPath, async (stream, ct) =>
            {
                await using var input = await from.OpenReadAsync(sourcePath, ct).ConfigureAwait(false);
                await input.CopyToAsync(stream, ct).ConfigureAwait(false);
            }, cancellationToken).ConfigureAwait(false);
            var records = prior?.Files.FirstOrDefault(f => f.Path == source.RelativeToRun(sourcePath))?.Records ?? 0;
            files.Add(new LedgerFile(layout.RelativeToRun(targetPath), stored.Bytes, stored.Sha256, records));
        }
        await to.WriteJsonAsync(layout.Ledger(CatalogStep.LedgerName), new Ledger(CatalogStep.LedgerName, files, []), cancellationToken).ConfigureAwait(false);
        CatalogCache.Clear();
    }
}
