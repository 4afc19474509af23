using global::Avro.File;
using global::Avro.Generic;
using Wrapped.Core.Avro;
using Wrapped.Core.Users;

namespace Wrapped.Core.Tests.Avro;

public class UserRecordCodecTests
{
    [Theory]
    [InlineData("deflate")]
    [InlineData("null")]
    public void ReadAll_FileWrittenWithCodec_ReturnsEveryFieldUnchanged(string codec)
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.User, AvroSamples.Users, UserRecordCodec.Write, AvroCodecOptions.Parse(codec));

        UserProfile[] read = UserRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(AvroSamples.Users, read);
    }

    [Fact]
    public void Write_Birthdate_IsDaysSinceEpochUnderDateLogicalType()
    {
        byte[] file = AvroTestFiles.Write(FeedSchemas.User, AvroSamples.Users, UserRecordCodec.Write);

        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file));
        GenericRecord[] records = reader.NextEntries.ToArray();

        // Apache.Avro applies the date logical type, so the int comes back as a calendar date.
        Assert.Equal(new DateTime(1980, 2, 29), records[0]["birthdate"]);
        Assert.Equal(new DateTime(1970, 1, 1), records[2]["birthdate"]);
        Assert.Equal(new DateTime(1969, 12, 31), records[3]["birthdate"]);
        Assert.Equal("F", ((GenericEnum)records[0]["gender"]!).Value);
        Assert.Equal("M", ((GenericEnum)records[1]["gender"]!).Value);
        Assert.Equal("ETVU", records[1]["personality"]);
    }

    [Fact]
    public void WriteWithoutTimeZone_EpochBirthdate_EncodesZeroDays()
    {
        var buffer = new AvroRecordBuffer();

        UserRecordCodec.WriteWithoutTimeZone(buffer, new UserProfile(0, "", "", new DateOnly(1970, 1, 2), Gender.F, Personality.Parse("FNLC")));

        // user_id 0, two empty strings, birthdate 1 day (zig-zag 2), gender F (index 1, zig-zag 2), then "FNLC".
        Assert.Equal(new byte[] { 0, 0, 0, 2, 2, 8, (byte)'F', (byte)'N', (byte)'L', (byte)'C' }, buffer.Span.ToArray());
    }

    [Fact]
    public void Write_TimeZone_IsAppendedAfterThePersonality()
    {
        var buffer = new AvroRecordBuffer();

        UserRecordCodec.Write(buffer, new UserProfile(0, "", "", new DateOnly(1970, 1, 2), Gender.F, Personality.Parse("FNLC"), "Asia/Tokyo"));

        // As above, then the zone: length 10 (zig-zag 20) and its bytes.
        Assert.Equal([0, 0, 0, 2, 2, 8, .. "FNLC"u8.ToArray(), 20, .. "Asia/Tokyo"u8.ToArray()], buffer.Span.ToArray());
    }

    [Fact]
    public void WriteWithoutTimeZone_UserOutsideUtc_ThrowsRatherThanLoseTheZone()
    {
        var user = new UserProfile(7, "u", "Japan", new DateOnly(1990, 1, 1), Gender.M, Personality.Parse("ETVU"), "Asia/Tokyo");

        var error = Assert.Throws<ArgumentException>(() => UserRecordCodec.WriteWithoutTimeZone(new AvroRecordBuffer(), user));

        Assert.Contains("Asia/Tokyo", error.Message);
    }

    [Fact]
    public void ReadAll_FileWithoutTimeZone_ReadsEveryUserInUtc()
    {
        UserProfile[] utcUsers = [.. AvroSamples.Users.Select(u => u with { TimeZone = "UTC" })];
        byte[] file = AvroTestFiles.Write(FeedSchemas.UserWithoutTimeZone, utcUsers, UserRecordCodec.WriteWithoutTimeZone);

        UserProfile[] read = UserRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(utcUsers, read);
    }

    [Fact]
    public void FormatFor_ReferenceAndRealistic_PicksTheSchemaWithoutAndWithTimeZones()
    {
        Assert.Same(FeedSchemas.UserWithoutTimeZone, UserRecordCodec.FormatFor(Core.Simulation.Model.ListeningModel.Reference).Schema);
        Assert.Same(FeedSchemas.User, UserRecordCodec.FormatFor(Core.Simulation.Model.ListeningModel.Realistic).Schema);
        Assert.Equal(
            ["Track", "Artist", "User", "ListeningEvent", "UserState", "WrappedSummary"],
            FeedSchemas.AllFor(Core.Simulation.Model.ListeningModel.Reference).Select(s => s.Name));
        Assert.Contains(FeedSchemas.UserWithoutTimeZone, FeedSchemas.AllFor(Core.Simulation.Model.ListeningModel.Reference));
        Assert.Equal(FeedSchemas.All, FeedSchemas.AllFor(Core.Simulation.Model.ListeningModel.Realistic));
    }
}
