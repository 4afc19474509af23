namespace Wrapped.Core.Csv;

/// <summary>Refuses, before parsing, inputs that are empty, plainly not text, or whose header line is not UTF-8 text.</summary>
internal static class CsvContentCheck
{
    private const int SniffBytes = 8192;

    /// <summary>Throws <see cref="InputRejectedException"/> when the stream's first bytes show an empty or binary file.</summary>
    public static void EnsureTextContent(string file, Stream stream)
    {
        var buffer = new byte[SniffBytes];
        var length = ReadUpTo(stream, buffer);
        if (length == 0)
        {
            throw new InputRejectedException(InputRejection.ForFile(file, "the file is empty (0 bytes)"));
        }

        if (HasUtf16Or32ByteOrderMark(buffer.AsSpan(0, length)))
        {
            // Wide-character text is legitimately full of NUL bytes; the CSV reader transcodes it.
            return;
        }

        // The header line as far as it was read; a character cut at the end of the buffer is not judged.
        var sniffed = buffer.AsSpan(0, length);
        var lineEnd = sniffed.IndexOf((byte)'\n');
        var header = lineEnd >= 0 ? sniffed[..lineEnd] : length < SniffBytes ? sniffed : sniffed[..(length - 3)];

        // A header never holds NUL; zip, gzip, parquet, xlsx and UTF-16 files do within their first bytes. NUL bytes
        // further down are bad rows (CsvTableReader), not a sign of a binary file.
        var nul = header.IndexOf((byte)0);
        if (nul >= 0)
        {
            throw new InputRejectedException(InputRejection.ForFile(
                file, $"not a CSV text file: binary content (NUL byte at byte offset {nul})"));
        }

        if (TextBytes.Find(header.TrimEnd((byte)'\r')) is { } problem)
        {
            throw new InputRejectedException(new InputRejection(file, CsvTableReader.Explain(problem, "the header line"), 1, null, []));
        }
    }

    private static bool HasUtf16Or32ByteOrderMark(ReadOnlySpan<byte> start) =>
        start.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || start.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || start.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]);

    private static int ReadUpTo(Stream stream, byte[] buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
