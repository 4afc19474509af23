using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Wrapped;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Steps;

/// <summary>
/// Finds one user's Wrapped in a finished run: what the <c>wrapped</c> verb prints and the Function app serves. Reads
/// the run's definition, then only the user's part file. What the caller asked for that is not there (an unfinished
/// run, an unknown user or year) comes back as a problem to show, not as an exception.
/// </summary>
public static class WrappedReader
{
    /// <param name="year">The calendar year; null for the user's latest.</param>
    public static async Task<WrappedLookup> FindAsync(IFeedStore store, FeedLayout layout, long userId, int? year, CancellationToken cancellationToken)
    {
        var where = layout.Root.Length == 0 ? store.Description : $"{store.Description}/{layout.Root}";
        if (!await store.ExistsAsync(layout.Success, cancellationToken).ConfigureAwait(false))
            return WrappedLookup.Missing($"{where} is not a finished run (no _SUCCESS): run it to the end first.");
        var definition = await store.TryReadJsonAsync<RunDefinition>(layout.Parameters, cancellationToken).ConfigureAwait(false);
        if (definition is null) return WrappedLookup.Missing($"{where} has no {layout.RelativeToRun(layout.Parameters)}: it is not a run folder.");
        var parameters = definition.Parameters;
        if (userId < 0 || userId >= parameters.Users)
            return WrappedLookup.Missing($"Run {parameters.RunId} has no user {userId}: its users are 0 to {parameters.Users - 1}.");

        var part = (int)(userId / parameters.PartSize);
        var path = layout.WrappedPart(part);
        if (!await store.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
            return WrappedLookup.Missing($"Run {parameters.RunId} has no Wrapped ({layout.RelativeToRun(path)} is missing): run it again with this version to compute it.");
        var summaries = (await store.ReadAvroAsync(path, stream => WrappedSummaryRecordCodec.ReadAll(stream, FeedStoreExtensions.Where(store, path)), cancellationToken)
                .ConfigureAwait(false))
            .Where(s => s.UserId == userId).OrderBy(s => s.Year).ToList();
        if (summaries.Count == 0)
            return WrappedLookup.Missing($"User {userId} of run {parameters.RunId} played nothing, so has no Wrapped.");
        var years = summaries.Select(s => s.Year).ToList();
        var summary = year is { } wanted ? summaries.FirstOrDefault(s => s.Year == wanted) : summaries[^1];
        if (summary is null)
            return WrappedLookup.Missing($"User {userId} of run {parameters.RunId} has no Wrapped for {year}: it has {string.Join(", ", years)}.");

        var users = await store.ReadAvroAsync(layout.UsersPart(part), UserRecordCodec.ReadAll, cancellationToken).ConfigureAwait(false);
        return new WrappedLookup(summary, users.FirstOrDefault(u => u.UserId == userId)?.Username, years, null);
    }
}

/// <summary>A user's Wrapped for one year with the user's name and every year the run has for them, or the problem that prevented it.</summary>
public sealed record WrappedLookup(WrappedSummaryRecord? Summary, string? Username, IReadOnlyList<int> Years, string? Problem)
{
    public static WrappedLookup Missing(string problem) => new(null, null, [], problem);
}
