namespace Wrapped.Core.Simulation;

/// <summary>
/// What one user carries from one simulated day to the next, saved as <c>state/part-*.avro</c>
/// so that a run extended a day at a time gives the same bytes as one generated in one go.
/// </summary>
/// <param name="NextDate">The first day not yet simulated for this user.</param>
public sealed record UserStateRecord(
    long UserId,
    string PreviousTrackId,
    string PreviousArtistKey,
    IReadOnlyList<string> HeardArtistKeys,
    DateOnly NextDate);
