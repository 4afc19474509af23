namespace Wrapped.Core.Users;

/// <summary>
/// The reference's birthdate law: 1980-01-01 plus ⌊z × 0.5 × (days from 1980-01-01 to 2011-01-01)⌋ days
/// (truncated toward zero, as Python's int()), z standard normal. That spread (sd ≈ 15.5 years) puts some
/// birthdates in the future, so the result is clamped to ages 13–90 at the simulation start.
/// </summary>
public static class BirthdateLaw
{
    public const int MinAge = 13;
    public const int MaxAge = 90;

    public static readonly DateOnly Center = new(1980, 1, 1);

    public static readonly double SdDays = 0.5 * (new DateOnly(2011, 1, 1).DayNumber - Center.DayNumber);

    public static DateOnly FromStandardNormal(double z, DateOnly simulationStart)
    {
        var offsetDays = (long)(z * SdDays);
        var youngest = simulationStart.AddYears(-MinAge);
        // The day after someone turns MaxAge + 1 years old, counting back.
        var oldest = simulationStart.AddYears(-(MaxAge + 1)).AddDays(1);
        var dayNumber = Math.Clamp(Center.DayNumber + offsetDays, oldest.DayNumber, youngest.DayNumber);
        return DateOnly.FromDayNumber((int)dayNumber);
    }

    /// <summary>Whole years completed on <paramref name="on"/> (a 29 February birthday falls on 28 February).</summary>
    public static int AgeOn(DateOnly birthdate, DateOnly on)
    {
        var age = on.Year - birthdate.Year;
        return on < birthdate.AddYears(age) ? age - 1 : age;
    }
}
