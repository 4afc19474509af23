using System.Globalization;

namespace Wrapped.Core.Csv;

/// <summary>
/// Reads the date spellings found in copies of the datasets. A date it cannot read is not a row error: the reference
/// coerced such dates to NaT and carried on, so callers get null and decide. Dates whose year comes last are read in
/// the order their file uses (<see cref="ReleaseDateColumn"/> decides it per file).
/// </summary>
public static class ReleaseDateParser
{
    private static readonly string[] DayFormats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d",
    ];

    private static readonly string[] MonthFormats = ["yyyy-MM", "yyyy-M", "yyyy/MM", "MM/yyyy", "MM-yyyy"];

    public static ReleaseDate? Parse(string? text, DayMonthOrder order)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 4 && int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var year))
        {
            return year >= 1 ? new ReleaseDate(year, null, null) : null;
        }

        if (YearLastDate.Read(trimmed, order) is { } yearLast)
        {
            return new ReleaseDate(yearLast.Year, yearLast.Month, yearLast.Day);
        }

        if (DateOnly.TryParseExact(trimmed, DayFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return new ReleaseDate(day.Year, day.Month, day.Day);
        }

        if (DateOnly.TryParseExact(trimmed, MonthFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return new ReleaseDate(month.Year, month.Month, null);
        }

        return TryParseWithTime(trimmed);
    }

    /// <summary>ISO 8601 with a time part ("2020-05-01T00:00:00Z", "2020-05-01 13:45:00"): the calendar date as written, offset ignored.</summary>
    private static ReleaseDate? TryParseWithTime(ReadOnlySpan<char> text)
    {
        var separator = text.IndexOfAny('T', ' ');
        if (separator != 10)
        {
            return null;
        }

        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out _))
        {
            return null;
        }

        return DateOnly.TryParseExact(text[..separator], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? new ReleaseDate(day.Year, day.Month, day.Day)
            : null;
    }
}
