using System.Text.Json;
using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Avro;

public class AvscIndependentReaderTests
{
    [Fact]
    public void Avsc_TracksFile_DecodesEveryFieldByName()
    {
        using var temp = new TempFolder();
        string file = temp.Write("tracks.avro", AvroTestFiles.Tracks(AvroSamples.Tracks));

        JsonElement decoded = AvscReader.Decode(file);

        Assert.Equal("deflate", decoded.GetProperty("codec").GetString());
        Assert.Equal(FeedSchemas.Track.Fingerprint, decoded.GetProperty("fingerprint").GetString());
        JsonElement[] records = [.. decoded.GetProperty("records").EnumerateArray()];
        Assert.Equal(3, records.Length);
        JsonElement full = records[0];
        Assert.Equal(
            FeedSchemasTestsFieldNames("Track"),
            full.EnumerateObject().Select(p => p.Name));
        Assert.Equal("4iV5W9uYEdYUVa79Axb7Rh", full.GetProperty("track_id").GetString());
        Assert.Equal(AvroSamples.FullTrack.Name, full.GetProperty("name").GetString());
        Assert.Equal("6vWDO969PvNqNYHIOW5v0m", full.GetProperty("artist_id").GetString());
        Assert.Equal(["Beyoncé", "JAY-Z", "東京事変"], full.GetProperty("artists").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal(240_133, full.GetProperty("duration_ms").GetInt32());
        Assert.True(full.GetProperty("explicit").GetBoolean());
        Assert.Equal("2006-09-04", full.GetProperty("release_date").GetString());
        Assert.Equal(-5.123, full.GetProperty("loudness").GetDouble());
        Assert.Equal(1.2e-5, full.GetProperty("acousticness").GetDouble());
        Assert.Equal(105.002, full.GetProperty("tempo").GetDouble());
        Assert.Equal(0.8125, full.GetProperty("newness_score").GetDouble());
        Assert.Equal(38_869_193_000L, full.GetProperty("artist_followers").GetInt64());
        Assert.Equal(86, full.GetProperty("artist_popularity").GetInt32());
        JsonElement sparse = records[1];
        Assert.Equal(JsonValueKind.Null, sparse.GetProperty("artist_id").ValueKind);
        Assert.Equal(JsonValueKind.Null, sparse.GetProperty("album_name").ValueKind);
        Assert.Equal(JsonValueKind.Null, sparse.GetProperty("artist_followers").ValueKind);
        Assert.Equal(0, sparse.GetProperty("artists").GetArrayLength());
        Assert.Equal("", sparse.GetProperty("name").GetString());
    }

    [Fact]
    public void Avsc_EventsFile_DecodesValuesAndSeesTimestampMillis()
    {
        using var temp = new TempFolder();
        ListeningEvent[] events =
        [
            new(Id: 1_741_478_400_000_001, TimestampMs: 1_741_478_612_345, TrackIndex: 0, UserId: 42, ListeningTimeMs: 212_345, SessionId: 7),
            new(Id: -5, TimestampMs: -86_400_000, TrackIndex: 1, UserId: 0, ListeningTimeMs: 0, SessionId: -1),
        ];
        string[] trackIds = ["4iV5W9uYEdYUVa79Axb7Rh", "7ouMYWpwJ422jRcDASZB7P"];
        string file = temp.Write("events.avro", AvroTestFiles.Events(events.Select((e, i) => (e, trackIds[i]))));

        JsonElement decoded = AvscReader.Decode(file);

        JsonElement timestamp = Field(decoded.GetProperty("writerSchema"), "timestamp").GetProperty("type");
        Assert.Equal("long", timestamp.GetProperty("type").GetString());
        Assert.Equal("timestamp-millis", timestamp.GetProperty("logicalType").GetString());
        Assert.Equal(FeedSchemas.Event.Fingerprint, decoded.GetProperty("fingerprint").GetString());
        Assert.Equal(["avro.codec", "avro.schema"], decoded.GetProperty("metaKeys").EnumerateArray().Select(k => k.GetString()));
        JsonElement[] records = [.. decoded.GetProperty("records").EnumerateArray()];
        Assert.Equal(2, records.Length);
        Assert.Equal(["id", "timestamp", "track_id", "user_id", "listening_time", "session_id"], records[0].EnumerateObject().Select(p => p.Name));
        for (int i = 0; i < events.Length; i++)
        {
            Assert.Equal(events[i].Id, records[i].GetProperty("id").GetInt64());
            Assert.Equal(events[i].TimestampMs, records[i].GetProperty("timestamp").GetInt64());
            Assert.Equal(trackIds[i], records[i].GetProperty("track_id").GetString());
            Assert.Equal(events[i].UserId, records[i].GetProperty("user_id").GetInt64());
            Assert.Equal(events[i].ListeningTimeMs, records[i].GetProperty("listening_time").GetInt64());
            Assert.Equal(events[i].SessionId, records[i].GetProperty("session_id").GetInt64());
        }
    }

    [Fact]
    public void Avsc_UsersFile_SeesDateLogicalTypeAndGenderEnum()
    {
        using var temp = new TempFolder();
        string file = temp.Write("users.avro", AvroTestFiles.Write(FeedSchemas.User, AvroSamples.Users.Take(2), UserRecordCodec.Write, AvroCodecOptions.Parse("null")));

        JsonElement decoded = AvscReader.Decode(file);

        Assert.Equal("null", decoded.GetProperty("codec").GetString());
        JsonElement schema = decoded.GetProperty("writerSchema");
        JsonElement birthdate = Field(schema, "birthdate").GetProperty("type");
        Assert.Equal("int", birthdate.GetProperty("type").GetString());
        Assert.Equal("date", birthdate.GetProperty("logicalType").GetString());
        JsonElement gender = Field(schema, "gender").GetProperty("type");
        Assert.Equal("enum", gender.GetProperty("type").GetString());
        Assert.Equal("Gender", gender.GetProperty("name").GetString());
        Assert.Equal(["M", "F"], gender.GetProperty("symbols").EnumerateArray().Select(s => s.GetString()));
        JsonElement[] records = [.. decoded.GetProperty("records").EnumerateArray()];
        Assert.Equal(new DateOnly(1980, 2, 29).DayNumber - new DateOnly(1970, 1, 1).DayNumber, records[0].GetProperty("birthdate").GetInt32());
        Assert.Equal("F", records[0].GetProperty("gender").GetString());
        Assert.Equal("M", records[1].GetProperty("gender").GetString());
        Assert.Equal("FNLC", records[0].GetProperty("personality").GetString());
        Assert.Equal(AvroSamples.Users[1].Username, records[1].GetProperty("username").GetString());
    }

    private static JsonElement Field(JsonElement recordSchema, string name) =>
        recordSchema.GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == name);

    private static IEnumerable<string> FeedSchemasTestsFieldNames(string name) =>
        ((global::Avro.RecordSchema)FeedSchemas.All.Single(s => s.Name == name).Parsed).Fields.Select(f => f.Name);
}
