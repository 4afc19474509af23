namespace Wrapped.Core.Csv;

/// <summary>The columns one kind of input file is read for; columns it does not list are ignored.</summary>
/// <param name="Kind">A human name for the file kind, e.g. "tracks", used when the header is unrecognisable.</param>
public sealed record CsvSchema(string Kind, IReadOnlyList<CsvColumn> Columns);
