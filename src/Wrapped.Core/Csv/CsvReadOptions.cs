namespace Wrapped.Core.Csv;

/// <param name="ErrorBudget">The share of data rows that may be skipped as unparseable before the whole file is rejected.</param>
public sealed record CsvReadOptions(double ErrorBudget = 0.01)
{
    public static CsvReadOptions Default { get; } = new();
}
