namespace Wrapped.Core.Catalog;

/// <summary>A tracks.csv row that survived steps 1 to 4, with what the genre file brought.</summary>
internal sealed record JoinedTrack(TrackInputRow Row, string Id, string Name, int Popularity, string ArtistName, string? ArtistId, GenreInputRow Genre);
