using Avro.Generic;
using Wrapped.Core.Users;

namespace Wrapped.Core.Avro;

/// <summary>Encodes and reads <see cref="UserProfile"/> as the <c>User</c> schema (users/part-*.avro).</summary>
public static class UserRecordCodec
{
    public static FeedSchema Schema => FeedSchemas.User;

    public static void Write(AvroRecordBuffer buffer, UserProfile user)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        ArgumentNullException.ThrowIfNull(user);
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
        Personality: Personality.Parse(GenericFields.String(r, "personality")));
}
