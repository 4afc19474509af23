namespace Wrapped.Core.Wrapped;

/// <summary>
/// One listener's Wrapped for one calendar year (in the listener's time zone), computed from the events alone; written
/// to <c>wrapped/part-*.avro</c> as the <c>WrappedSummary</c> schema.
/// </summary>
/// <param name="TimeZone">The IANA zone the year, month, weekday and hour buckets follow.</param>
/// <param name="Skips">Plays that ended before the track did (listening time below its duration).</param>
/// <param name="TopTracks">Up to 5, by listening time, then by id (ordinal) on ties; likewise artists and genres.</param>
/// <param name="ListeningTimeMsByMonth">12 values, January first.</param>
/// <param name="PlaysByHour">24 values, 00:00–00:59 first.</param>
/// <param name="PlaysByWeekday">7 values, Monday first.</param>
/// <param name="FirstPlayMs">When the year's first play ended, milliseconds since the Unix epoch (UTC).</param>
/// <param name="Personality">The 4-letter code inferred from the scores; empty until the population's medians are known.</param>
/// <param name="GeneratedPersonality">The code the user was generated with, when known: the generator's ground truth.</param>
public sealed record WrappedSummaryRecord(
    long UserId,
    int Year,
    string TimeZone,
    long ListeningTimeMs,
    long Plays,
    long Skips,
    int DistinctTracks,
    int DistinctArtists,
    IReadOnlyList<WrappedTopItem> TopTracks,
    IReadOnlyList<WrappedTopItem> TopArtists,
    IReadOnlyList<WrappedTopItem> TopGenres,
    IReadOnlyList<long> ListeningTimeMsByMonth,
    IReadOnlyList<long> PlaysByHour,
    IReadOnlyList<long> PlaysByWeekday,
    long FirstPlayMs,
    long LastPlayMs,
    ListeningScores Scores,
    string Personality,
    string? GeneratedPersonality)
{
    public const int TopCount = 5;

    public double SkipRate => Plays == 0 ? 0 : (double)Skips / Plays;

    /// <summary>Whole minutes listened, rounded to the nearest.</summary>
    public long MinutesListened => WrappedMinutes.Of(ListeningTimeMs);
}

/// <param name="Id">Track id, artist key or genre name.</param>
/// <param name="Detail">For a track, its artist's name.</param>
public sealed record WrappedTopItem(string Id, string Name, string? Detail, long ListeningTimeMs, long Plays)
{
    public long Minutes => WrappedMinutes.Of(ListeningTimeMs);
}

/// <summary>The one rounding of milliseconds to the minutes a card or page shows.</summary>
public static class WrappedMinutes
{
    public static long Of(long milliseconds) => (milliseconds + 30_000) / 60_000;
}
