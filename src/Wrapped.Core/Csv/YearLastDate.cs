using System.Globalization;

namespace Wrapped.Core.Csv;

/// <summary>What a date written with its year last (<c>a/b/yyyy</c>, also with <c>-</c> or <c>.</c>) says about the day–month order.</summary>
public enum YearLastDateKind
{
    /// <summary>Not a year-last date at all (ISO, a year, empty, or text): the order does not apply.</summary>
    NotYearLast,

    /// <summary>Both orders give a date, and different ones (<c>3/4/2021</c>).</summary>
    Ambiguous,

    /// <summary>Both orders give the same date (<c>5/5/2021</c>).</summary>
    SameEitherWay,

    /// <summary>Only day-first gives a date (<c>25/3/2021</c>).</summary>
    DayFirstOnly,

    /// <summary>Only month-first gives a date (<c>3/25/2021</c>).</summary>
    MonthFirstOnly,

    /// <summary>Neither order gives a date (<c>31/31/2021</c>, <c>2/30/2021</c> read either way).</summary>
    Neither,
}

/// <summary>Recognises and reads dates written <c>a/b/yyyy</c>, <c>a-b-yyyy</c> or <c>a.b.yyyy</c> (one or two digits, one separator).</summary>
public static class YearLastDate
{
    public static YearLastDateKind Classify(ReadOnlySpan<char> text)
    {
        if (!TrySplit(text, out var first, out var second, out var year))
        {
            return YearLastDateKind.NotYearLast;
        }

        var dayFirst = IsDate(year, month: second, day: first);
        var monthFirst = IsDate(year, month: first, day: second);
        return (dayFirst, monthFirst) switch
        {
            (true, true) => first == second ? YearLastDateKind.SameEitherWay : YearLastDateKind.Ambiguous,
            (true, false) => YearLastDateKind.DayFirstOnly,
            (false, true) => YearLastDateKind.MonthFirstOnly,
            _ => YearLastDateKind.Neither,
        };
    }

    /// <summary>The date <paramref name="text"/> means in <paramref name="order"/>, or null when it is not a year-last date or no such day exists.</summary>
    public static DateOnly? Read(ReadOnlySpan<char> text, DayMonthOrder order)
    {
        if (!TrySplit(text, out var first, out var second, out var year))
        {
            return null;
        }

        var (month, day) = order == DayMonthOrder.DayFirst ? (second, first) : (first, second);
        return IsDate(year, month, day) ? new DateOnly(year, month, day) : null;
    }

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);

    private static bool TrySplit(ReadOnlySpan<char> text, out int first, out int second, out int year)
    {
        first = second = year = 0;
        var separatorAt = text.IndexOfAny('/', '-', '.');
        if (separatorAt is < 1 or > 2)
        {
            return false;
        }

        var separator = text[separatorAt];
        var rest = text[(separatorAt + 1)..];
        var secondSeparatorAt = rest.IndexOf(separator);
        return secondSeparatorAt is 1 or 2
            && rest.Length - secondSeparatorAt - 1 == 4
            && TryDigits(text[..separatorAt], out first)
            && TryDigits(rest[..secondSeparatorAt], out second)
            && TryDigits(rest[(secondSeparatorAt + 1)..], out year);
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
