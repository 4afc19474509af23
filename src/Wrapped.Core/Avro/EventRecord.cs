namespace Wrapped.Core.Avro;

/// <summary>One play as read back from an events file, with the track id resolved to its string.</summary>
public readonly record struct EventRecord(long Id, long TimestampMs, string TrackId, long UserId, long ListeningTimeMs, long SessionId);
