using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Users;

public enum Gender { M, F }

/// <summary>A fake listener, as written to <c>users/part-*.avro</c>.</summary>
/// <param name="Location">The country.</param>
/// <param name="TimeZone">The IANA time zone the listener lives in: their days are its local days. <c>UTC</c> under a model without a population (the reference).</param>
public sealed record UserProfile(
    long UserId,
    string Username,
    string Location,
    DateOnly Birthdate,
    Gender Gender,
    Personality Personality,
    string TimeZone = ListenerTimeZone.UtcId);
