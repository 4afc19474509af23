namespace Wrapped.Core.Avro;

/// <summary>Avro's <c>date</c> logical type: days since 1970-01-01, as an int.</summary>
internal static class AvroDate
{
    private static readonly int EpochDayNumber = new DateOnly(1970, 1, 1).DayNumber;

    public static int ToDays(DateOnly date) => date.DayNumber - EpochDayNumber;
}
