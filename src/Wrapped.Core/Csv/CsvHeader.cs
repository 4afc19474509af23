namespace Wrapped.Core.Csv;

/// <summary>Where each schema column sits in one file, resolved from its header line.</summary>
public sealed class CsvHeader
{
    private readonly Dictionary<CsvColumn, int> _positions;

    private CsvHeader(Dictionary<CsvColumn, int> positions, int fieldCount)
    {
        _positions = positions;
        FieldCount = fieldCount;
    }

    public int FieldCount { get; }

    /// <summary>The field index of <paramref name="column"/>, or -1 when the file does not have it.</summary>
    public int PositionOf(CsvColumn column) => _positions.GetValueOrDefault(column, -1);

    public bool Has(CsvColumn column) => _positions.ContainsKey(column);

    /// <summary>Matches header names to the schema, or says why this header cannot be the file's.</summary>
    public static CsvHeader Resolve(string file, string[] headerFields, CsvSchema schema)
    {
        var byName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < headerFields.Length; i++)
        {
            // A duplicated header name keeps its first position, as most CSV tools do.
            byName.TryAdd(headerFields[i].Trim(), i);
        }

        var positions = new Dictionary<CsvColumn, int>();
        foreach (var column in schema.Columns)
        {
            foreach (var name in column.HeaderNames)
            {
                if (byName.TryGetValue(name, out var position))
                {
                    positions[column] = position;
                    break;
                }
            }
        }

        if (positions.Count == 0)
        {
            throw new InputRejectedException(new InputRejection(
                file,
                $"not a {schema.Kind} CSV file: its first line is not a header naming any expected column " +
                $"(expected e.g. {string.Join(", ", schema.Columns.Where(c => c.Required).Select(c => $"'{c.Name}'"))}; found {Preview(headerFields)})" +
                SeparatorHint(headerFields),
                1,
                null,
                []));
        }

        var missing = schema.Columns.Where(c => c.Required && !positions.ContainsKey(c)).ToList();
        if (missing.Count > 0)
        {
            var names = string.Join(", ", missing.Select(DescribeMissing));
            throw new InputRejectedException(new InputRejection(
                file,
                $"missing required column{(missing.Count > 1 ? "s" : "")} {names}",
                1,
                missing[0].Name,
                []));
        }

        return new CsvHeader(positions, headerFields.Length);
    }

    /// <summary>A TSV or semicolon export reads as one wide column; saying so saves a puzzled look at the header.</summary>
    private static string SeparatorHint(string[] headerFields)
    {
        if (headerFields.Length != 1)
        {
            return "";
        }

        return headerFields[0] switch
        {
            var line when line.Contains('\t', StringComparison.Ordinal) => "; the line is tab-separated, but fields must be separated by commas",
            var line when line.Contains(';', StringComparison.Ordinal) => "; the line is semicolon-separated, but fields must be separated by commas",
            _ => "",
        };
    }

    private static string DescribeMissing(CsvColumn column) =>
        column.Aliases.Length == 0
            ? $"'{column.Name}'"
            : $"'{column.Name}' (or {string.Join(" or ", column.Aliases.Select(a => $"'{a}'"))})";

    private static string Preview(string[] headerFields)
    {
        const int maxChars = 80;
        var joined = string.Join(",", headerFields);
        return joined.Length <= maxChars ? $"'{joined}'" : $"'{joined[..maxChars]}…'";
    }
}
