using CsvHelper;

namespace Wrapped.Core.Csv;

/// <summary>
/// The current data record, read through its file's header. Only the fields asked for are materialised.
/// Accessors throw <see cref="RowParseException"/> for values that cannot be used. Valid until the next read.
/// </summary>
public readonly struct CsvRow
{
    private readonly CsvReader _reader;
    private readonly CsvHeader _header;

    internal CsvRow(CsvReader reader, CsvHeader header, long line)
    {
        _reader = reader;
        _header = header;
        Line = line;
    }

    /// <summary>The physical line where the record starts.</summary>
    public long Line { get; }

    public bool Has(CsvColumn column) => _header.Has(column);

    /// <summary>The raw field, or null when the column is absent or the field is empty.</summary>
    public string? Text(CsvColumn column)
    {
        var position = _header.PositionOf(column);
        if (position < 0)
        {
            return null;
        }

        var value = _reader.GetString(position);
        return value.Length == 0 ? null : value;
    }

    public string RequiredText(CsvColumn column) =>
        Text(column) ?? throw new RowParseException(column.Name, $"{column.Name} is empty");

    public int? OptionalInt(CsvColumn column) =>
        Text(column) is { } text ? CsvValues.ParseInt(column, text) : null;

    public int RequiredInt(CsvColumn column) => CsvValues.ParseInt(column, RequiredText(column));

    public long? OptionalLong(CsvColumn column) =>
        Text(column) is { } text ? CsvValues.ParseLong(column, text) : null;

    public double RequiredDouble(CsvColumn column) => CsvValues.ParseDouble(column, RequiredText(column));

    public bool? OptionalBool(CsvColumn column) =>
        Text(column) is { } text ? CsvValues.ParseBool(column, text) : null;

    /// <summary>A python-repr list literal or a ';'-joined list; empty or absent gives an empty list.</summary>
    public IReadOnlyList<string> List(CsvColumn column) =>
        Text(column) is { } text ? CsvValues.ParseList(column, text) : [];
}
