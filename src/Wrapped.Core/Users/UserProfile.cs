namespace Wrapped.Core.Users;

public enum Gender { M, F }

/// <summary>A fake listener, as written to <c>users/part-*.avro</c>.</summary>
public sealed record UserProfile(
    long UserId,
    string Username,
    string Location,
    DateOnly Birthdate,
    Gender Gender,
    Personality Personality);
