using System.Globalization;

namespace Wrapped.Core.Csv;

/// <summary>
/// Lenient-but-honest field parsing: accepts the spellings real exports use (pandas writes ints as "1.0" once a
/// column had a NaN; booleans as True/False), refuses anything that would silently change a value.
/// </summary>
public static class CsvValues
{
    public static int ParseInt(CsvColumn column, string text)
    {
        var value = ParseLong(column, text);
        if (value is < int.MinValue or > int.MaxValue)
        {
            throw new RowParseException(column.Name, $"{column.Name} '{Shorten(text)}' is out of range for a 32-bit integer");
        }

        return (int)value;
    }

    public static long ParseLong(CsvColumn column, string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (long.TryParse(trimmed, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        // Beyond 2^53 a double no longer holds every integer, so only smaller whole numbers are taken from float notation.
        const double exactIntegerLimit = 9_007_199_254_740_992d;
        if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var real)
            && double.IsFinite(real)
            && Math.Abs(real) <= exactIntegerLimit)
        {
            if (real == Math.Floor(real))
            {
                return (long)real;
            }

            throw new RowParseException(column.Name, $"{column.Name} '{Shorten(text)}' is not a whole number");
        }

        throw new RowParseException(column.Name, $"{column.Name} '{Shorten(text)}' is not a number");
    }

    public static double ParseDouble(CsvColumn column, string text)
    {
        if (double.TryParse(text.AsSpan().Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value))
        {
            return value;
        }

        throw new RowParseException(column.Name, $"{column.Name} '{Shorten(text)}' is not a finite number");
    }

    public static bool ParseBool(CsvColumn column, string text)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Equals("true", StringComparison.OrdinalIgnoreCase) || trimmed is "1" || trimmed is "1.0")
        {
            return true;
        }

        if (trimmed.Equals("false", StringComparison.OrdinalIgnoreCase) || trimmed is "0" || trimmed is "0.0")
        {
            return false;
        }

        throw new RowParseException(column.Name, $"{column.Name} '{Shorten(text)}' is not a boolean (expected True/False/1/0)");
    }

    public static IReadOnlyList<string> ParseList(CsvColumn column, string text) =>
        ListLiteral.TryParse(text, out var items, out var error)
            ? items
            : throw new RowParseException(column.Name, $"{column.Name} is not a list: {error}");

    internal static string Shorten(string text)
    {
        const int maxChars = 40;
        return text.Length <= maxChars ? text : text[..maxChars] + "…";
    }
}
