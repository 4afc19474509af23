namespace Wrapped.Core.Csv;

/// <summary>Counts every issue and keeps the first few as a sample.</summary>
internal sealed class RowIssueCollector
{
    private readonly List<RowIssue> _sample = [];

    public long Count { get; private set; }

    public IReadOnlyList<RowIssue> Sample => _sample;

    public void Add(RowIssue issue)
    {
        Count++;
        if (_sample.Count < CsvFileReport.MaxSampleIssues)
        {
            _sample.Add(issue);
        }
    }
}
