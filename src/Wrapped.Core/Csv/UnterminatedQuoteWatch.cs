using CsvHelper;

namespace Wrapped.Core.Csv;

/// <summary>
/// Notices a quoted field that is never closed. The reader then swallows the rest of the file into one field, which
/// would cost one "bad row" while silently losing every row after it, so the file is rejected instead.
/// </summary>
internal sealed class UnterminatedQuoteWatch
{
    private long? _line;

    public void Observe(CsvMalformedRecord record)
    {
        if (record.Reason == CsvMalformedReason.UnterminatedQuote)
        {
            _line ??= record.LineNumber;
        }
    }

    public bool Found => _line is not null;

    public InputRejectedException Rejection(string file) => new(new InputRejection(
        file,
        "a quoted field opened on this line is never closed, so every line after it would be lost",
        _line,
        null,
        []));
}
