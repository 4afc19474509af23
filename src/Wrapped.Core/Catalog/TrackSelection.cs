namespace Wrapped.Core.Catalog;

/// <summary>
/// Steps 1, 3 and 4 applied to tracks.csv rows as they stream in, so that only catalog tracks are held in memory:
/// drop rows missing id, name or popularity; keep the first row of each name; inner-join on the genre file's track name;
/// take the primary artist.
/// </summary>
internal sealed class TrackSelection(GenreIndex genres)
{
    private readonly HashSet<string> _seenNames = new(StringComparer.Ordinal);
    private readonly List<JoinedTrack> _kept = [];

    public IReadOnlyList<JoinedTrack> Kept => _kept;

    public long MissingIdNameOrPopularity { get; private set; }

    public long DuplicateName { get; private set; }

    public long NoGenreMatch { get; private set; }

    public long NoArtist { get; private set; }

    public void Add(TrackInputRow row)
    {
        if (row is not { Id: { } id, Name: { } name, Popularity: { } popularity })
        {
            MissingIdNameOrPopularity++;
            return;
        }

        if (!_seenNames.Add(name))
        {
            DuplicateName++;
            return;
        }

        if (genres.Find(name) is not { } genre)
        {
            NoGenreMatch++;
            return;
        }

        if (row.Artists.Count == 0)
        {
            NoArtist++;
            return;
        }

        var artistId = row.ArtistIds is [var firstId, ..] ? firstId : null;
        _kept.Add(new JoinedTrack(row, id, name, popularity, row.Artists[0], artistId, genre));
    }
}
