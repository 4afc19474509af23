namespace Wrapped.Core.Simulation;

/// <summary>
/// One play, as the simulator emits it. The track is an index into the <see cref="SimulationCatalog"/>
/// so the hot path never touches strings; the writer encodes the track id from the catalog.
/// </summary>
public readonly record struct ListeningEvent(
    long Id,
    long TimestampMs,
    int TrackIndex,
    long UserId,
    long ListeningTimeMs,
    long SessionId);

/// <summary>Where the simulator puts the plays of one user-day, in timestamp order.</summary>
public interface IListeningEventSink
{
    void Add(in ListeningEvent listeningEvent);
}
