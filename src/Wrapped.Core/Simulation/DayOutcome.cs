namespace Wrapped.Core.Simulation;

/// <summary>What one simulated user-day produced.</summary>
/// <param name="Plays">Events emitted to the sink.</param>
/// <param name="Sessions">Sessions placed in the day (sessions without a track are not counted).</param>
/// <param name="DroppedSessions">Sessions that fit in no free run of hour slots; their plays emit no events.</param>
/// <param name="Skips">Emitted plays that were skipped.</param>
/// <param name="ListeningTimeMs">Sum of the emitted plays' listening times.</param>
public readonly record struct DayOutcome(int Plays, int Sessions, int DroppedSessions, int Skips, long ListeningTimeMs)
{
    /// <summary>Plays beyond the <see cref="EventId.MaxPlaysPerDay"/> a user-day can number; not emitted.</summary>
    public int TruncatedPlays { get; init; }
}
