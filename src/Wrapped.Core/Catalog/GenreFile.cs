using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>
/// The columns of the genre source. Two public variants exist: tracks_extended.csv (<c>track_name</c>, <c>album_name</c>,
/// <c>track_genre</c>) and an older one (<c>name</c>, <c>genre</c>, no album). Only what the join needs is read.
/// </summary>
public static class GenreFile
{
    public static readonly CsvColumn TrackId = CsvColumn.Optional("track_id", "id");
    public static readonly CsvColumn TrackName = CsvColumn.Mandatory("track_name", "name");
    public static readonly CsvColumn AlbumName = CsvColumn.Optional("album_name");
    public static readonly CsvColumn Genre = CsvColumn.Mandatory("track_genre", "genre");

    public static readonly CsvSchema Schema = new("genre (tracks_extended)", [TrackId, TrackName, AlbumName, Genre]);

    public static GenreInputRow Parse(CsvRow row) =>
        new(row.Line, row.Text(TrackName), row.Text(AlbumName), row.Text(Genre));
}
