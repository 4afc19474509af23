using Avro.Generic;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;
using Wrapped.Core.Users;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="UserProfile"/> as the <c>User</c> schema (users/part-*.avro).</summary>
/// <remarks>
/// Two writer schemas: <see cref="FeedSchemas.User"/> with the user's time zone last, and, for models without a
/// population (the reference), <see cref="FeedSchemas.UserWithoutTimeZone"/>, the schema from before time zones, so that
/// a reference run's users files are what they always were. <see cref="ReadAll"/> reads both (UTC when there is no zone).
/// </remarks>
public static class UserRecordCodec
{
    /// <summary>The reader schema, and the writer schema of users with a time zone.</summary>
    public static FeedSchema Schema => FeedSchemas.User;

    private static readonly UserFileFormat WithTimeZone = new(FeedSchemas.User, Write);
    private static readonly UserFileFormat WithoutTimeZone = new(FeedSchemas.UserWithoutTimeZone, WriteWithoutTimeZone);

    /// <summary>How a run of <paramref name="model"/> writes its users: with their zones, or as before zones when every user is in UTC.</summary>
    public static UserFileFormat FormatFor(ListeningModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.HasTimeZones ? WithTimeZone : WithoutTimeZone;
    }

    /// <summary>Writes <paramref name="user"/> as <see cref="FeedSchemas.User"/>.</summary>
    public static void Write(AvroRecordBuffer buffer, UserProfile user)
    {
        WriteWithoutTimeZone(buffer, user, checkZone: false);
        buffer.WriteString(user.TimeZone);
    }

    /// <summary>Writes <paramref name="user"/> as <see cref="FeedSchemas.UserWithoutTimeZone"/>; refuses a user outside UTC, whose zone would be lost.</summary>
    public static void WriteWithoutTimeZone(AvroRecordBuffer buffer, UserProfile user) => WriteWithoutTimeZone(buffer, user, checkZone: true);

    private static void WriteWithoutTimeZone(AvroRecordBuffer buffer, UserProfile user, bool checkZone)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(user);
        if (checkZone && user.TimeZone != ListenerTimeZone.UtcId)
        {
            throw new ArgumentException($"User {user.UserId} lives in {user.TimeZone}: the schema without time zones would lose it; write it with the User schema.", nameof(user));
        }
        buffer.WriteLong(user.UserId);
        buffer.WriteString(user.Username);
        buffer.WriteString(user.Location);
        buffer.WriteInt(AvroDate.ToDays(user.Birthdate));
        buffer.WriteInt(GenderIndex(user.Gender));
        buffer.WriteString(user.Personality.Code);
    }

    public static IEnumerable<UserProfile> ReadAll(Stream stream) =>
        FeedFileReader.Open(stream, Schema, requireSameSchema: false, path: null).Select(Read);

    // The enum's symbol order in User.avsc, spelled out so that reordering the C# enum cannot change the bytes.
    private static int GenderIndex(Gender gender) => gender switch
    {
        Gender.M => 0,
        Gender.F => 1,
        _ => throw new ArgumentOutOfRangeException(nameof(gender), gender, "The User schema knows genders M and F only."),
    };

    private static Gender ParseGender(string symbol) => symbol switch
    {
        "M" => Gender.M,
        "F" => Gender.F,
        _ => throw new InvalidDataException($"Unknown gender symbol '{symbol}'."),
    };

    private static UserProfile Read(GenericRecord r) => new(
        UserId: GenericFields.Long(r, "user_id"),
        Username: GenericFields.String(r, "username"),
        Location: GenericFields.String(r, "location"),
        Birthdate: GenericFields.Date(r, "birthdate"),
        Gender: ParseGender(GenericFields.EnumSymbol(r, "gender")),
        Personality: Personality.Parse(GenericFields.String(r, "personality")),
        TimeZone: GenericFields.String(r, "time_zone"));
}

/// <summary>The schema users files are written with, and the matching record writer.</summary>
public sealed record UserFileFormat(FeedSchema Schema, Action<AvroRecordBuffer, UserProfile> Write);
