using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Wrapped.Core.Csv;

/// <summary>
/// Checks the bytes of CSV text: they must be UTF-8, and hold no control character but tab, CR and LF (a CSV's own
/// separators). Vectorised scans on the common path, so checking every record costs little next to parsing it.
/// </summary>
internal static class TextBytes
{
    /// <summary>C0 controls but tab, LF and CR, and DEL.</summary>
    private static readonly SearchValues<byte> ControlBytes = SearchValues.Create(
        [.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b), 0x7F]);

    /// <summary>Printable ASCII, tab, LF and CR: most records hold nothing else, and one scan clears them.</summary>
    private static readonly SearchValues<byte> PlainAscii = SearchValues.Create(
        [(byte)'\t', (byte)'\n', (byte)'\r', .. Enumerable.Range(0x20, 0x7F - 0x20).Select(b => (byte)b)]);

    /// <summary>The first problem in <paramref name="bytes"/>, or null when they are clean UTF-8 text.</summary>
    public static TextBytesProblem? Find(ReadOnlySpan<byte> bytes)
    {
        var other = bytes.IndexOfAnyExcept(PlainAscii);
        if (other < 0) return null;
        var rest = bytes[other..];
        if (Utf8.IsValid(rest)) return FindControl(rest) is { } control ? control with { Offset = other + control.Offset } : null;
        // Even after a control character: bytes that are not UTF-8 make the whole file unreadable, not just a row.
        var invalid = other + FirstInvalidUtf8(rest);
        return new TextBytesProblem(invalid, IsEncoding: true, bytes[invalid]);
    }

    /// <summary>The first control character in valid UTF-8 <paramref name="bytes"/>, C1 controls (U+0080–U+009F) included.</summary>
    public static TextBytesProblem? FindControl(ReadOnlySpan<byte> bytes)
    {
        var c0 = bytes.IndexOfAny(ControlBytes);
        var c1 = FirstC1Control(c0 < 0 ? bytes : bytes[..c0]);
        if (c1 >= 0) return new TextBytesProblem(c1, IsEncoding: false, bytes[c1 + 1]);
        return c0 >= 0 ? new TextBytesProblem(c0, IsEncoding: false, bytes[c0]) : null;
    }

    /// <summary>Line breaks in <paramref name="bytes"/>, counted as the CSV reader counts lines: CR, LF and CR LF once each.</summary>
    public static int LineBreaks(ReadOnlySpan<byte> bytes)
    {
        var breaks = bytes.Count((byte)'\n');
        for (var i = bytes.IndexOf((byte)'\r'); i >= 0; i = NextIndexOf(bytes, (byte)'\r', i))
        {
            if (i + 1 >= bytes.Length || bytes[i + 1] != '\n') breaks++;
        }
        return breaks;
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var offset = 0;
        while (offset < bytes.Length && Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed) == OperationStatus.Done) offset += consumed;
        return offset;
    }

    /// <summary>U+0080–U+009F are written C2 80 – C2 9F in UTF-8; C2 alone also starts ordinary Latin-1 letters.</summary>
    private static int FirstC1Control(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.IndexOf((byte)0xC2); i >= 0 && i + 1 < bytes.Length; i = NextIndexOf(bytes, 0xC2, i))
        {
            if (bytes[i + 1] is >= 0x80 and <= 0x9F) return i;
        }
        return -1;
    }

    private static int NextIndexOf(ReadOnlySpan<byte> bytes, byte value, int after)
    {
        var next = bytes[(after + 1)..].IndexOf(value);
        return next < 0 ? -1 : after + 1 + next;
    }
}

/// <summary>What is wrong at <paramref name="Offset"/>: bytes that are not UTF-8, or a control character.</summary>
/// <param name="Value">The offending byte; for a control character, its code point.</param>
internal readonly record struct TextBytesProblem(int Offset, bool IsEncoding, int Value)
{
    /// <summary>"the control character U+0000 (NUL)", or "byte 0xE9".</summary>
    public string Describe() => IsEncoding
        ? string.Create(CultureInfo.InvariantCulture, $"byte 0x{Value:X2}")
        : string.Create(CultureInfo.InvariantCulture, $"the control character U+{Value:X4}{(Value == 0 ? " (NUL)" : "")}");
}
