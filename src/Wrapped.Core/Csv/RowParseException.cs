namespace Wrapped.Core.Csv;

/// <summary>Raised by a row parser for a row that must be skipped; the reader turns it into a <see cref="RowIssue"/>.</summary>
public sealed class RowParseException(string? column, string reason) : Exception(reason)
{
    public string? Column { get; } = column;
}
