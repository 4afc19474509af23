namespace Wrapped.Core.Simulation;

/// <summary>What the last simulated day drew before scheduling, for tests of the laws themselves.</summary>
internal readonly record struct DayDraws(int LongSessions, int ShortSessions, int PlannedPlays, int PlannedSkips);
