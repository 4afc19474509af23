using System.Globalization;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Feed;

/// <summary>
/// The days a run may cover. No event is ever in the future, so a run ends at the latest on the last day that has
/// ended in every time zone its listening model uses (yesterday in UTC for a model without zones, such as the
/// reference). This is the one place that says so; the command line, the Function app's triggers and the nightly timer
/// all ask here.
/// </summary>
public static class RunCalendar
{
    /// <summary>The default end, in the words of the help text and the README.</summary>
    public const string DefaultEndDescription = "the last day ended in all the model's time zones";

    /// <summary>The default start, in the words of the help text and the README.</summary>
    public const string DefaultStartDescription = "1 January of the end date's year";

    /// <summary>Event ids count days from 1970, and the first day of 1970 has no yesterday to carry state from.</summary>
    public static readonly DateOnly EarliestStart = new(1971, 1, 1);

    /// <summary>The latest day a run of <paramref name="model"/> may end on at <paramref name="now"/>: the last day that is over in every zone it simulates.</summary>
    public static DateOnly LatestEnd(DateTimeOffset now, ListeningModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.LatestEndedLocalDate(now);
    }

    /// <summary>
    /// Why <paramref name="latest"/> is the latest end: the zone whose day finishes last, and when, e.g.
    /// "2026-11-29 ends in Pacific/Honolulu, the last of the model's time zones, at 2026-11-30 10:00 UTC".
    /// </summary>
    public static string LatestEndReason(ListeningModel model, DateOnly latest)
    {
        ArgumentNullException.ThrowIfNull(model);
        var next = latest.AddDays(1);
        var last = model.TimeZoneIds.Select(ListenerTimeZone.Get).MaxBy(z => z.Day(next).EndUtcMs)!;
        var ends = DateTimeOffset.FromUnixTimeMilliseconds(last.Day(next).EndUtcMs);
        return model.HasTimeZones
            ? string.Create(CultureInfo.InvariantCulture, $"{next:yyyy-MM-dd} ends in {last.Id}, the last of the model's time zones, only at {ends:yyyy-MM-dd HH:mm} UTC")
            : string.Create(CultureInfo.InvariantCulture, $"{next:yyyy-MM-dd} ends only at {ends:yyyy-MM-dd HH:mm} UTC");
    }

    /// <summary>The start of a run that names only its end.</summary>
    public static DateOnly DefaultStart(DateOnly end) => new(end.Year, 1, 1);
}
