namespace Wrapped.Core.Feed;

/// <summary>
/// What one step of a run wrote (the catalog, the users, one part's events and state): every file with its size and
/// checksum, and per-day counts. Saved beside the run (<see cref="FeedLayout.Ledger"/>) so the manifest is assembled
/// without reading the data back, and merged day by day when the run is extended (re-simulating a day replaces that
/// day's entry: running twice changes nothing).
/// </summary>
public sealed record Ledger(string Name, IReadOnlyList<LedgerFile> Files, IReadOnlyList<DayTotals> Days)
{
    public static Ledger Empty(string name) => new(name, [], []);

    public Ledger Merge(Ledger newer)
    {
        var files = Files.Concat(newer.Files)
            .GroupBy(f => f.Path, StringComparer.Ordinal)
            .Select(g => g.Last())
            .OrderBy(f => f.Path, StringComparer.Ordinal)
            .ToList();
        var days = Days.Concat(newer.Days)
            .GroupBy(d => d.Date)
            .Select(g => g.Last())
            .OrderBy(d => d.Date)
            .ToList();
        return new Ledger(Name, files, days);
    }
}

/// <param name="Path">Relative to the run's folder, e.g. <c>events/date=2025-01-01/part-00000.avro</c>.</param>
public sealed record LedgerFile(string Path, long Bytes, string Sha256, long Records);

public sealed record DayTotals(DateOnly Date, long Events, long Sessions, long DroppedSessions, long Skips, long ListeningTimeMs)
{
    public DayTotals Add(DayTotals other) => this with
    {
        Events = Events + other.Events,
        Sessions = Sessions + other.Sessions,
        DroppedSessions = DroppedSessions + other.DroppedSessions,
        Skips = Skips + other.Skips,
        ListeningTimeMs = ListeningTimeMs + other.ListeningTimeMs,
    };
}
