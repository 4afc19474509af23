namespace Wrapped.Core.Feed;

/// <summary>
/// How much a run will write, estimated before it starts, so that a host can say so and refuse a run the disk clearly
/// cannot hold. Measured on the bundled sample (1,890 tracks) and on a catalog of the reference's scale (24,016
/// tracks): 34.15 plays per user-day on both; bytes per event, every file of the run included, 27.3 and 20.8 with
/// deflate (19.4 for 10,000 users over a year), 22.9 and 16.5 with deflate:optimal, 56.5 and 58.5 without
/// compression, whatever the part size. <see cref="MinimumBytes"/> stays far below all of them, so that a refusal
/// is never wrong: it takes 30 plays per user-day and under half the fewest bytes an event was ever measured at.
/// </summary>
/// <param name="Events">The events the run is expected to write.</param>
/// <param name="Bytes">What the run is expected to take on disk.</param>
/// <param name="MinimumBytes">Less than the run will take, whatever its catalog and draws.</param>
public sealed record RunSizeEstimate(long Events, long Bytes, long MinimumBytes)
{
    public const double PlaysPerUserDay = 34;

    private const double FewestPlaysPerUserDay = 30;

    public static RunSizeEstimate For(RunParameters parameters)
    {
        var userDays = parameters.Users * (double)parameters.Days;
        var (typical, least) = BytesPerEvent(parameters.Codec);
        var events = userDays * PlaysPerUserDay;
        return new RunSizeEstimate((long)events, (long)(events * typical), (long)(userDays * FewestPlaysPerUserDay * least));
    }

    /// <summary>Typical bytes an event takes with <paramref name="codec"/>, and fewer than it ever takes.</summary>
    private static (double Typical, double Least) BytesPerEvent(string codec) => codec switch
    {
        "null" => (58, 28),
        "deflate:optimal" => (20, 8),
        _ => (24, 8),
    };
}
