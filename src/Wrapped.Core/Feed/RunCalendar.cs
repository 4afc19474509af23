namespace Wrapped.Core.Feed;

/// <summary>
/// The days a run may cover. No event is ever in the future, so a run ends at the latest on the last whole day:
/// yesterday in UTC. This is the one place that says so (once listeners have time zones, the last day every one of
/// them has finished); the command line, the Function app's triggers and the nightly timer all ask here.
/// </summary>
public static class RunCalendar
{
    /// <summary>The default end, in the words of the help text and the README.</summary>
    public const string DefaultEndDescription = "yesterday (UTC)";

    /// <summary>The default start, in the words of the help text and the README.</summary>
    public const string DefaultStartDescription = "1 January of the end date's year";

    /// <summary>Event ids count days from 1970, and the first day of 1970 has no yesterday to carry state from.</summary>
    public static readonly DateOnly EarliestStart = new(1971, 1, 1);

    /// <summary>The latest day a run may end on at <paramref name="now"/>: the last day that is over everywhere it is simulated.</summary>
    public static DateOnly LatestEnd(DateTimeOffset now) => DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1);

    /// <summary>The start of a run that names only its end.</summary>
    public static DateOnly DefaultStart(DateOnly end) => new(end.Year, 1, 1);
}
