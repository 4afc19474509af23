namespace Wrapped.Core.Simulation;

/// <summary>
/// Event ids computed without coordination: (days since 1970-01-01 &lt;&lt; 47) | (user id &lt;&lt; 12) | sequence
/// within the user-day. Unique across the feed for user ids below 2^35, at most 4096 plays per user-day and
/// dates from 1970-01-01 to 2149-06-06 (day 65535), which keeps ids positive.
/// </summary>
public static class EventId
{
    public const int SequenceBits = 12;
    public const int UserBits = 35;
    public const int MaxPlaysPerDay = 1 << SequenceBits;
    public const long MaxUserId = (1L << UserBits) - 1;
    public const int MaxDay = (1 << (63 - SequenceBits - UserBits)) - 1;

    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static int DaysSinceEpoch(DateOnly date) => date.DayNumber - EpochDayNumber;

    public static long Compose(int daysSinceEpoch, long userId, int sequence) =>
        ((long)daysSinceEpoch << (SequenceBits + UserBits)) | (userId << SequenceBits) | (long)sequence;

    public static (int DaysSinceEpoch, long UserId, int Sequence) Decompose(long id) =>
        ((int)(id >> (SequenceBits + UserBits)), (id >> SequenceBits) & MaxUserId, (int)(id & (MaxPlaysPerDay - 1)));

    internal static void Validate(long userId, int daysSinceEpoch)
    {
        if (userId < 0 || userId > MaxUserId)
        {
            throw new ArgumentOutOfRangeException(nameof(userId), userId, $"User ids must be between 0 and {MaxUserId} for event ids to be unique.");
        }
        if (daysSinceEpoch < 0 || daysSinceEpoch > MaxDay)
        {
            throw new ArgumentOutOfRangeException(nameof(daysSinceEpoch), daysSinceEpoch, "Dates must be between 1970-01-01 and 2149-06-06 for event ids to be unique and positive.");
        }
    }
}
