namespace Wrapped.Core.Catalog;

/// <summary>
/// Step 5. The reference joined on the whole artists string, which matched no multi-artist track; this joins the
/// primary artist by id when the track has one, by exact name only when it has none (matching a name after an id
/// failed would attach a namesake). Tracks whose artist is missing are kept with nulls: partial artist files are common.
/// </summary>
internal sealed class ArtistJoiner(ArtistDirectory directory)
{
    private long _matchedById;
    private long _matchedByName;
    private long _notFound;

    public ArtistJoinCounts Counts => new(_matchedById, _matchedByName, _notFound);

    public CatalogArtist? Match(JoinedTrack track)
    {
        if (track.ArtistId is { } id)
        {
            return Count(directory.FindById(id), ref _matchedById);
        }

        return Count(directory.FindByName(track.ArtistName), ref _matchedByName);
    }

    private CatalogArtist? Count(CatalogArtist? artist, ref long matched)
    {
        if (artist is null)
        {
            _notFound++;
        }
        else
        {
            matched++;
        }

        return artist;
    }
}
