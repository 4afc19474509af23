namespace Wrapped.Core.Csv;

/// <summary>What reading one CSV file found. Counts are exact; <see cref="SampleIssues"/> holds only the first issues.</summary>
/// <param name="RowsRead">Data rows read, the skipped ones included (the header and blank lines are not rows).</param>
public sealed record CsvFileReport(
    string File,
    long RowsRead,
    long RowsSkipped,
    IReadOnlyList<RowIssue> SampleIssues)
{
    /// <summary>Beyond this many issues, only the counts grow: a broken million-row file must not produce a million-entry report.</summary>
    public const int MaxSampleIssues = 100;
}
