namespace Wrapped.Core.Catalog;

/// <summary>What preparation takes from one row of the genre file (tracks_extended.csv or its variant).</summary>
/// <param name="AlbumName">Null in the dataset variant without an album column.</param>
public sealed record GenreInputRow(long Line, string? TrackName, string? AlbumName, string? Genre);
