using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Wrapped.Core.Csv;

/// <summary>
/// Reads the list spellings the datasets use: python reprs such as <c>['A', "B's"]</c> (either quote, backslash
/// escapes) and, in the genre dataset, plain names joined with ';'.
/// </summary>
public static class ListLiteral
{
    public static bool TryParse(string text, [NotNullWhen(true)] out IReadOnlyList<string>? items, [NotNullWhen(false)] out string? error)
    {
        var trimmed = text.AsSpan().Trim();
        if (trimmed.Length == 0 || trimmed[0] != '[')
        {
            items = SplitJoined(trimmed);
            error = null;
            return true;
        }

        return TryParseBracketed(trimmed, out items, out error);
    }

    private static List<string> SplitJoined(ReadOnlySpan<char> text)
    {
        var result = new List<string>();
        foreach (var range in text.Split(';'))
        {
            var item = text[range].Trim();
            if (item.Length > 0)
            {
                result.Add(item.ToString());
            }
        }

        return result;
    }

    private static bool TryParseBracketed(ReadOnlySpan<char> text, [NotNullWhen(true)] out IReadOnlyList<string>? items, [NotNullWhen(false)] out string? error)
    {
        var result = new List<string>();
        var position = 1;
        items = null;
        SkipSpaces(text, ref position);
        if (position < text.Length && text[position] == ']')
        {
            return Finish(text, position + 1, result, out items, out error);
        }

        while (true)
        {
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                error = "missing closing ']'";
                return false;
            }

            string? item;
            if (text[position] is '\'' or '"')
            {
                if (!TryReadQuoted(text, ref position, out item, out error))
                {
                    return false;
                }
            }
            else
            {
                item = ReadBare(text, ref position);
            }

            result.Add(item);
            SkipSpaces(text, ref position);
            if (position >= text.Length)
            {
                error = "missing closing ']'";
                return false;
            }

            if (text[position] == ']')
            {
                return Finish(text, position + 1, result, out items, out error);
            }

            if (text[position] != ',')
            {
                error = $"unexpected '{text[position]}' at character {position + 1}";
                return false;
            }

            position++;
            SkipSpaces(text, ref position);
            if (position < text.Length && text[position] == ']')
            {
                // A trailing comma, as python allows.
                return Finish(text, position + 1, result, out items, out error);
            }
        }
    }

    private static bool Finish(ReadOnlySpan<char> text, int end, List<string> result, [NotNullWhen(true)] out IReadOnlyList<string>? items, [NotNullWhen(false)] out string? error)
    {
        SkipSpaces(text, ref end);
        if (end != text.Length)
        {
            items = null;
            error = "text after the closing ']'";
            return false;
        }

        items = result;
        error = null;
        return true;
    }

    private static string ReadBare(ReadOnlySpan<char> text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is not (',' or ']'))
        {
            position++;
        }

        return text[start..position].Trim().ToString();
    }

    private static bool TryReadQuoted(ReadOnlySpan<char> text, ref int position, [NotNullWhen(true)] out string? item, [NotNullWhen(false)] out string? error)
    {
        var quote = text[position];
        var builder = new StringBuilder();
        position++;
        while (position < text.Length)
        {
            var c = text[position];
            if (c == quote)
            {
                position++;
                item = builder.ToString();
                error = null;
                return true;
            }

            if (c == '\\' && position + 1 < text.Length)
            {
                position += AppendEscape(text, position + 1, builder) + 1;
                continue;
            }

            builder.Append(c);
            position++;
        }

        item = null;
        error = $"unterminated {quote}-quoted item";
        return false;
    }

    /// <summary>Appends the character a python escape stands for and returns how many characters after the backslash it used.</summary>
    private static int AppendEscape(ReadOnlySpan<char> text, int start, StringBuilder builder)
    {
        var c = text[start];
        switch (c)
        {
            case 'n': builder.Append('\n'); return 1;
            case 't': builder.Append('\t'); return 1;
            case 'r': builder.Append('\r'); return 1;
            case 'x' when TryHex(text, start + 1, 2, out var code): builder.Append((char)code); return 3;
            case 'u' when TryHex(text, start + 1, 4, out var code): builder.Append((char)code); return 5;
            case 'U' when TryHex(text, start + 1, 8, out var code) && code <= 0x10FFFF && code is not (>= 0xD800 and <= 0xDFFF): builder.Append(char.ConvertFromUtf32(code)); return 9;
            case '\\' or '\'' or '"': builder.Append(c); return 1;
            default:
                // Python keeps unknown escapes verbatim.
                builder.Append('\\').Append(c);
                return 1;
        }
    }

    private static bool TryHex(ReadOnlySpan<char> text, int start, int digits, out int code)
    {
        code = 0;
        return start + digits <= text.Length
            && int.TryParse(text.Slice(start, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out code);
    }

    private static void SkipSpaces(ReadOnlySpan<char> text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
        {
            position++;
        }
    }
}
