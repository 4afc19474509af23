using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>The three inputs of a catalog: tracks.csv, the genre file (tracks_extended.csv) and artists.csv.</summary>
public sealed record CatalogSources(CsvSource Tracks, CsvSource Extended, CsvSource Artists);
