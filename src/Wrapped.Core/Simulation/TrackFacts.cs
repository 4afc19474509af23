namespace Wrapped.Core.Simulation;

/// <summary>The per-track numbers a play needs, side by side in memory.</summary>
internal readonly record struct TrackFacts(int Artist, int DurationMs, int Popularity);
