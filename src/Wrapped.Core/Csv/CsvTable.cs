namespace Wrapped.Core.Csv;

/// <summary>The usable rows of one file, in file order, and what reading it found.</summary>
public sealed record CsvTable<TRow>(IReadOnlyList<TRow> Rows, CsvFileReport Report);
