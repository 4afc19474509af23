namespace Wrapped.Core.Catalog;

/// <summary>Step 2: the first genre-file row of each track name, ready for the join on the name.</summary>
internal sealed class GenreIndex
{
    private readonly Dictionary<string, GenreInputRow> _byTrackName = new(StringComparer.Ordinal);

    public long MissingTrackName { get; private set; }

    public long DuplicateTrackName { get; private set; }

    public void Add(GenreInputRow row)
    {
        if (row.TrackName is null)
        {
            MissingTrackName++;
            return;
        }

        if (!_byTrackName.TryAdd(row.TrackName, row))
        {
            DuplicateTrackName++;
        }
    }

    public GenreInputRow? Find(string trackName) => _byTrackName.GetValueOrDefault(trackName);
}
