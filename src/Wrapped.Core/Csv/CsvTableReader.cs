using CsvHelper;

namespace Wrapped.Core.Csv;

/// <summary>
/// Streams one CSV file into typed rows. Rows that cannot be parsed are skipped and reported with their line;
/// the whole file is rejected when it is empty, not CSV, lacks a required column, or exceeds the error budget.
/// </summary>
public static class CsvTableReader
{
    private const int CancellationCheckInterval = 4096;

    /// <summary>A record this long is almost surely an unclosed quote swallowing the rest of the file.</summary>
    private const int MaxRecordBytes = 16 << 20;

    private static readonly CsvReaderOptions ReaderOptions = new()
    {
        Separator = ',',
        HasHeader = true,
        Mode = CsvMode.Rfc4180,
        AllowLineBreaksInQuotes = true,
        SkipEmptyLines = true,
        TrackLineNumbers = true,
        DetectSeparatorHint = false,
        // Stray quotes inside unquoted fields are kept as text, as pandas does.
        MalformedData = CsvMalformedDataHandling.Recover,
        FieldCountMismatch = CsvFieldCountHandling.Allow,
        MaxRecordSize = MaxRecordBytes,
    };

    /// <summary>Reads every usable row into memory, in file order.</summary>
    public static CsvTable<TRow> Read<TRow>(
        CsvSource source,
        CsvSchema schema,
        Func<CsvRow, TRow> parseRow,
        CsvReadOptions options,
        CancellationToken cancellationToken = default)
    {
        var rows = new List<TRow>();
        var report = ReadEach(source, schema, parseRow, rows.Add, options, cancellationToken);
        return new CsvTable<TRow>(rows, report);
    }

    /// <summary>
    /// Hands each usable row to <paramref name="accept"/> as it is read, so a caller that keeps few rows never holds
    /// the file. The budget is checked at the end: a rejected file may already have delivered rows.
    /// </summary>
    public static CsvFileReport ReadEach<TRow>(
        CsvSource source,
        CsvSchema schema,
        Func<CsvRow, TRow> parseRow,
        Action<TRow> accept,
        CsvReadOptions options,
        CancellationToken cancellationToken = default)
    {
        var quoting = new UnterminatedQuoteWatch();
        using var reader = CsvReader.Create(OpenChecked(source), ReaderOptions with { OnMalformedRecord = quoting.Observe }, leaveOpen: false);
        try
        {
            var report = ReadRecords(source.Name, reader, schema, parseRow, accept, options, cancellationToken);
            return quoting.Found ? throw quoting.Rejection(source.Name) : report;
        }
        catch (InputRejectedException) when (quoting.Found)
        {
            // The unclosed quote is the cause of whatever else went wrong after it (field counts, the budget).
            throw quoting.Rejection(source.Name);
        }
        catch (CsvFormatException exception)
        {
            throw new InputRejectedException(new InputRejection(
                source.Name,
                $"not readable as CSV: {FirstLine(exception.Message)}",
                exception.LineNumber > 0 ? exception.LineNumber : null,
                null,
                []));
        }
    }

    private static CsvFileReport ReadRecords<TRow>(
        string file,
        CsvReader reader,
        CsvSchema schema,
        Func<CsvRow, TRow> parseRow,
        Action<TRow> accept,
        CsvReadOptions options,
        CancellationToken cancellationToken)
    {
        reader.ReadHeader();
        var headerFields = reader.Headers.ToArray();
        if (headerFields.Length == 0)
        {
            throw new InputRejectedException(InputRejection.ForFile(file, "the file is empty (no header line)"));
        }

        // Some writers put a UTF-8 byte-order mark in the middle of nowhere; never let it glue itself to the first name.
        headerFields[0] = headerFields[0].TrimStart('\uFEFF');
        var header = CsvHeader.Resolve(file, headerFields, schema);
        var issues = new RowIssueCollector();
        long rowsRead = 0;
        while (reader.Read())
        {
            rowsRead++;
            if (rowsRead % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var line = reader.LineNumber;
            if (TextBytes.Find(reader.RawRecord) is { } problem)
            {
                if (problem.IsEncoding)
                {
                    // Not UTF-8 here means a file in another encoding: every row's text is suspect, so the whole file goes.
                    var badLine = line + TextBytes.LineBreaks(reader.RawRecord[..problem.Offset]);
                    throw new InputRejectedException(new InputRejection(file, Explain(problem, "the file"), badLine, null, []));
                }

                var column = ColumnHolding(reader, headerFields);
                issues.Add(new RowIssue(line, column, $"{column ?? "the row"} holds {problem.Describe()}, which no text field may"));
                continue;
            }

            if (reader.FieldCount != header.FieldCount)
            {
                issues.Add(new RowIssue(line, null, $"expected {header.FieldCount} fields, found {reader.FieldCount}"));
                continue;
            }

            TRow row;
            try
            {
                row = parseRow(new CsvRow(reader, header, line));
            }
            catch (RowParseException exception)
            {
                issues.Add(new RowIssue(line, exception.Column, exception.Message));
                continue;
            }

            accept(row);
        }

        if (rowsRead == 0)
        {
            throw new InputRejectedException(InputRejection.ForFile(file, "the file has a header line but no data rows"));
        }

        var report = new CsvFileReport(file, rowsRead, issues.Count, issues.Sample);
        ErrorBudget.Enforce(report, options.ErrorBudget);
        return report;
    }

    /// <summary>What a byte problem means for <paramref name="what"/>, and for an encoding problem what to do about it.</summary>
    internal static string Explain(TextBytesProblem problem, string what) => problem.IsEncoding
        ? $"{what} is not UTF-8: {problem.Describe()} on this line cannot be read as UTF-8, as happens in a file saved in a legacy encoding such as Windows-1252; save it as UTF-8 and try again"
        : $"{what} holds {problem.Describe()}";

    /// <summary>The header name of the first field holding a control character (rare: only for a bad row).</summary>
    private static string? ColumnHolding(CsvReader reader, string[] headerFields)
    {
        for (var i = 0; i < reader.FieldCount; i++)
        {
            if (TextBytes.FindControl(reader.GetRawSpan(i)) is not null) return i < headerFields.Length ? headerFields[i].Trim() : null;
        }
        return null;
    }

    private static Stream OpenChecked(CsvSource source)
    {
        var sniffed = source.Open();
        try
        {
            CsvContentCheck.EnsureTextContent(source.Name, sniffed);
        }
        catch
        {
            sniffed.Dispose();
            throw;
        }

        if (sniffed.CanSeek)
        {
            sniffed.Seek(0, SeekOrigin.Begin);
            return sniffed;
        }

        // A forward-only stream (e.g. a blob download) cannot rewind past the sniffed bytes, so it is opened afresh.
        sniffed.Dispose();
        return source.Open();
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end];
    }
}
