namespace Wrapped.Core.Catalog;

/// <summary>Rows a preparation step left out on purpose (unlike unparseable rows, which the file reports count).</summary>
/// <param name="Step">The step number of SPEC section 2.</param>
public sealed record DroppedRows(int Step, string File, string Reason, long Count)
{
    public const string MissingIdNameOrPopularity = "missing id, name or popularity";
    public const string DuplicateTrackName = "duplicate track name (first row kept)";
    public const string MissingTrackName = "missing track name";
    public const string NoGenreMatch = "no genre-file track with the same name";
    public const string NoArtist = "empty artists list (no primary artist)";
    public const string DuplicateArtistId = "duplicate artist id (first row kept)";
}
