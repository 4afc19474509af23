using Wrapped.Core.Csv;

namespace Wrapped.Core.Catalog;

/// <summary>The columns of tracks.csv and how one row is read.</summary>
public static class TracksFile
{
    /// <summary>Used when the file has no time_signature column: 4/4 is by far the most common meter in the dataset.</summary>
    public const int DefaultTimeSignature = 4;

    public static readonly CsvColumn Id = CsvColumn.Mandatory("id");
    public static readonly CsvColumn Name = CsvColumn.Mandatory("name");
    public static readonly CsvColumn Popularity = CsvColumn.Mandatory("popularity");
    public static readonly CsvColumn DurationMs = CsvColumn.Mandatory("duration_ms");
    public static readonly CsvColumn Explicit = CsvColumn.Optional("explicit");
    public static readonly CsvColumn Artists = CsvColumn.Mandatory("artists");
    public static readonly CsvColumn ArtistIds = CsvColumn.Optional("id_artists");
    public static readonly CsvColumn ReleaseDate = CsvColumn.Mandatory("release_date");
    public static readonly CsvColumn Danceability = CsvColumn.Mandatory("danceability");
    public static readonly CsvColumn Energy = CsvColumn.Mandatory("energy");
    public static readonly CsvColumn Key = CsvColumn.Mandatory("key");
    public static readonly CsvColumn Loudness = CsvColumn.Mandatory("loudness");
    public static readonly CsvColumn Mode = CsvColumn.Mandatory("mode");
    public static readonly CsvColumn Speechiness = CsvColumn.Mandatory("speechiness");
    public static readonly CsvColumn Acousticness = CsvColumn.Mandatory("acousticness");
    public static readonly CsvColumn Instrumentalness = CsvColumn.Mandatory("instrumentalness");
    public static readonly CsvColumn Liveness = CsvColumn.Mandatory("liveness");
    public static readonly CsvColumn Valence = CsvColumn.Mandatory("valence");
    public static readonly CsvColumn Tempo = CsvColumn.Mandatory("tempo");
    public static readonly CsvColumn TimeSignature = CsvColumn.Optional("time_signature");

    public static readonly CsvSchema Schema = new(
        "tracks",
        [
            Id, Name, Popularity, DurationMs, Explicit, Artists, ArtistIds, ReleaseDate,
            Danceability, Energy, Key, Loudness, Mode, Speechiness, Acousticness, Instrumentalness, Liveness, Valence, Tempo,
            TimeSignature,
        ]);

    /// <param name="yearLastOrder">
    /// The day-month order of the file's dates, once known: a date that only reads in the other order makes the row bad.
    /// Null on the first reading, which only gathers the dates (<see cref="ReleaseDateSurvey"/>).
    /// </param>
    public static TrackInputRow Parse(CsvRow row, DayMonthOrder? yearLastOrder)
    {
        var releaseDate = row.Text(ReleaseDate);
        if (yearLastOrder is { } order && releaseDate is not null && Contradicts(releaseDate, order))
        {
            throw new RowParseException(ReleaseDate.Name, $"{ReleaseDate.Name} '{CsvValues.Shorten(releaseDate)}' only reads "
                + $"{(order == DayMonthOrder.DayFirst ? "month first" : "day first")}, but this file writes its dates "
                + $"{(order == DayMonthOrder.DayFirst ? "day first" : "month first")}");
        }

        var durationMs = row.RequiredInt(DurationMs);
        if (durationMs < 0)
        {
            throw new RowParseException(DurationMs.Name, $"{DurationMs.Name} {durationMs} is negative");
        }

        return new TrackInputRow(
            row.Line,
            row.Text(Id),
            row.Text(Name),
            row.OptionalInt(Popularity),
            durationMs,
            row.OptionalBool(Explicit) ?? false,
            row.List(Artists),
            row.Has(ArtistIds) ? row.List(ArtistIds) : null,
            releaseDate,
            ParseFeatures(row));
    }

    private static bool Contradicts(string releaseDate, DayMonthOrder order) =>
        YearLastDate.Classify(releaseDate.AsSpan().Trim()) == (order == DayMonthOrder.DayFirst ? YearLastDateKind.MonthFirstOnly : YearLastDateKind.DayFirstOnly);

    private static AudioFeatures ParseFeatures(CsvRow row) => new(
        row.RequiredDouble(Danceability),
        row.RequiredDouble(Energy),
        row.RequiredInt(Key),
        row.RequiredDouble(Loudness),
        row.RequiredInt(Mode),
        row.RequiredDouble(Speechiness),
        row.RequiredDouble(Acousticness),
        row.RequiredDouble(Instrumentalness),
        row.RequiredDouble(Liveness),
        row.RequiredDouble(Valence),
        row.RequiredDouble(Tempo),
        row.OptionalInt(TimeSignature) ?? DefaultTimeSignature);
}
