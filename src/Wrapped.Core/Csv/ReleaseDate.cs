using System.Globalization;

namespace Wrapped.Core.Csv;

/// <summary>A release date at the precision the data gives: a year, a month, or a day.</summary>
public readonly record struct ReleaseDate(int Year, int? Month, int? Day)
{
    public bool IsYearOnly => Month is null;

    /// <summary>The first day the date covers: a year-month release counts from the 1st, as pandas reads it.</summary>
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary><c>yyyy</c>, <c>yyyy-MM</c> or <c>yyyy-MM-dd</c>.</summary>
    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        ({ } month, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}"),
        ({ } month, { } day) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{month:D2}-{day:D2}"),
    };
}
