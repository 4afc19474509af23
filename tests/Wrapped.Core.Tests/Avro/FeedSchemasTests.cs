using System.Text.Json;
using global::Avro;
using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public class FeedSchemasTests
{
    public static TheoryData<string> SchemaNames => new(FeedSchemas.All.Select(s => s.Name));

    // Pinned (avsc 5.7.9 computes the same values): a change here is a new schema version, which readers of
    // older runs, and the catalog check, must be told about.
    [Theory]
    [InlineData("Track", "8580c45330d89cce221105b1a98992afbfdf5fbdab513d011f39f762b321c83f")]
    [InlineData("Artist", "c8c724c1c569a60c6bdd27a38fafae1ecc20088f02a2ae47bace48a3c51a537c")]
    [InlineData("User", "78bc782a9e5489c77bd979acb7b265b91be4589799049dd9277a62f6c1e8cf87")]
    [InlineData("ListeningEvent", "b3188ee0205a292ce80ec1faaede7122b434064bd32c2e5d8122d4f1fd387479")]
    [InlineData("UserState", "563a68c72045b5b4f8c182b382523fa17c6b37fdb24ea9df83add3494e79f545")]
    [InlineData("WrappedSummary", "b9b152f850f7c878d8b845923b242183698e6cee9f941c4c9d5e99fb5f87fa25")]
    public void Fingerprint_EachSchema_IsPinned(string name, string expected)
    {
        Assert.Equal(expected, ByName(name).Fingerprint);
    }

    [Fact]
    public void Fingerprint_UserWithoutTimeZone_IsTheUserSchemaBeforeTimeZones()
    {
        // The pin the User schema had before time_zone: reference runs still write it, so their users files are unchanged.
        Assert.Equal("4fdd9ce9fc6234c740a10bba80a71de7a32e15dd206da03f554fdb6c358511c9", FeedSchemas.UserWithoutTimeZone.Fingerprint);
        Assert.Equal(CanonicalForm.Sha256Hex(FeedSchemas.UserWithoutTimeZone.Json), FeedSchemas.UserWithoutTimeZone.Fingerprint);
        Assert.Equal("com.spotify.wrapped.User", FeedSchemas.UserWithoutTimeZone.Parsed.Fullname);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Fingerprint_EachSchema_IsSha256OfCanonicalFormComputedFromTheSpec(string name)
    {
        FeedSchema schema = ByName(name);

        Assert.Equal(CanonicalForm.Sha256Hex(schema.Json), schema.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", schema.Fingerprint);
    }

    [Fact]
    public void CanonicalForm_UserSchema_DropsDocsAndLogicalTypesAndQualifiesNames()
    {
        Assert.Equal(
            "{\"name\":\"com.spotify.wrapped.User\",\"type\":\"record\",\"fields\":[{\"name\":\"user_id\",\"type\":\"long\"},{\"name\":\"username\",\"type\":\"string\"},{\"name\":\"location\",\"type\":\"string\"},{\"name\":\"birthdate\",\"type\":\"int\"},{\"name\":\"gender\",\"type\":{\"name\":\"com.spotify.wrapped.Gender\",\"type\":\"enum\",\"symbols\":[\"M\",\"F\"]}},{\"name\":\"personality\",\"type\":\"string\"},{\"name\":\"time_zone\",\"type\":\"string\"}]}",
            CanonicalForm.Of(FeedSchemas.User.Json));
    }

    [Fact]
    public void All_ListsSixDistinctSchemas()
    {
        Assert.Equal(["Track", "Artist", "User", "ListeningEvent", "UserState", "WrappedSummary"], FeedSchemas.All.Select(s => s.Name));
        Assert.Equal(6, FeedSchemas.All.Select(s => s.Fingerprint).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Schema_Each_IsDocumentedRecordInWrappedNamespace(string name)
    {
        using JsonDocument json = JsonDocument.Parse(ByName(name).Json);
        JsonElement root = json.RootElement;

        Assert.Equal("record", root.GetProperty("type").GetString());
        Assert.Equal("com.spotify.wrapped", root.GetProperty("namespace").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("doc").GetString()));
        Assert.Equal("com.spotify.wrapped." + name, ByName(name).Parsed.Fullname);
    }

    [Theory]
    [MemberData(nameof(SchemaNames))]
    public void Schema_EachUnion_IsNullFirstWithNullDefault(string name)
    {
        using JsonDocument json = JsonDocument.Parse(ByName(name).Json);

        foreach (JsonElement field in json.RootElement.GetProperty("fields").EnumerateArray())
        {
            JsonElement type = field.GetProperty("type");
            if (type.ValueKind != JsonValueKind.Array)
            {
                continue;
            }
            string fieldName = field.GetProperty("name").GetString()!;
            Assert.True(type.GetArrayLength() == 2 && type[0].GetString() == "null", $"{name}.{fieldName} must be [\"null\", T]");
            Assert.True(field.TryGetProperty("default", out JsonElement defaultValue) && defaultValue.ValueKind == JsonValueKind.Null, $"{name}.{fieldName} must default to null");
        }
    }

    [Theory]
    [InlineData("User", "birthdate", "int", "date")]
    [InlineData("ListeningEvent", "timestamp", "long", "timestamp-millis")]
    [InlineData("UserState", "next_date", "int", "date")]
    public void Schema_TimeField_UsesLogicalTypeOverItsBaseType(string name, string field, string baseType, string logicalType)
    {
        var record = (RecordSchema)ByName(name).Parsed;

        var logical = Assert.IsType<LogicalSchema>(record[field].Schema);

        Assert.Equal(logicalType, logical.LogicalTypeName);
        Assert.Equal(baseType, logical.BaseSchema.Name);
    }

    [Fact]
    public void UserSchema_Gender_IsEnumOfMAndF()
    {
        var record = (RecordSchema)FeedSchemas.User.Parsed;

        var gender = Assert.IsType<EnumSchema>(record["gender"].Schema);

        Assert.Equal("com.spotify.wrapped.Gender", gender.Fullname);
        Assert.Equal(["M", "F"], gender.Symbols);
    }

    [Theory]
    [InlineData("Track", "track_id,name,artist,artist_id,artists,album_name,track_genre,duration_ms,popularity,explicit,release_date,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature,newness_score,audio_features_type,artist_followers,artist_popularity")]
    [InlineData("Artist", "id,name,followers,genres,popularity")]
    [InlineData("User", "user_id,username,location,birthdate,gender,personality,time_zone")]
    [InlineData("ListeningEvent", "id,timestamp,track_id,user_id,listening_time,session_id")]
    [InlineData("UserState", "user_id,previous_track_id,previous_artist_key,heard_artist_keys,next_date")]
    [InlineData("WrappedSummary", "user_id,year,time_zone,listening_time_ms,plays,skips,skip_rate,distinct_tracks,distinct_artists,top_tracks,top_artists,top_genres,listening_time_ms_by_month,plays_by_hour,plays_by_weekday,first_play,last_play,scores,personality,generated_personality")]
    public void Schema_Fields_AreInContractOrder(string name, string fields)
    {
        var record = (RecordSchema)ByName(name).Parsed;

        Assert.Equal(fields.Split(','), record.Fields.Select(f => f.Name));
    }

    [Fact]
    public void Json_IsMinifiedSoHeadersDoNotDependOnCheckoutLineEndings()
    {
        FeedSchema fromCrLf = FeedSchema.FromJson(FeedSchemas.Event.Json.Replace("{", "{\r\n  ", StringComparison.Ordinal));

        Assert.DoesNotContain('\n', FeedSchemas.Event.Json);
        Assert.Equal(FeedSchemas.Event.Json, fromCrLf.Json);
    }

    [Fact]
    public void UserSchema_TimeZone_IsLastAndDefaultsToUtcSoFilesWithoutItRead()
    {
        using JsonDocument json = JsonDocument.Parse(FeedSchemas.User.Json);
        JsonElement last = json.RootElement.GetProperty("fields").EnumerateArray().Last();

        Assert.Equal("time_zone", last.GetProperty("name").GetString());
        Assert.Equal("string", last.GetProperty("type").GetString());
        Assert.Equal("UTC", last.GetProperty("default").GetString());
        // Every other field is the schema before time zones, unchanged.
        using JsonDocument before = JsonDocument.Parse(FeedSchemas.UserWithoutTimeZone.Json);
        Assert.Equal(
            before.RootElement.GetProperty("fields").EnumerateArray().Select(f => f.GetRawText()),
            json.RootElement.GetProperty("fields").EnumerateArray().SkipLast(1).Select(f => f.GetRawText()));
    }

    private static FeedSchema ByName(string name) => FeedSchemas.All.Single(s => s.Name == name);
}
