using System.Text;
using global::Avro.File;
using global::Avro.Generic;
using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Tests.Avro;

public class TrackRecordCodecTests
{
    private static readonly IReadOnlyList<string> NoArtists = [];

    [Theory]
    [InlineData("deflate")]
    [InlineData("deflate:optimal")]
    [InlineData("null")]
    public void ReadAll_FileWrittenWithCodec_ReturnsEveryFieldUnchanged(string codec)
    {
        byte[] file = AvroTestFiles.Tracks(AvroSamples.Tracks, AvroCodecOptions.Parse(codec));

        CatalogTrack[] read = TrackRecordCodec.ReadAll(new MemoryStream(file)).ToArray();

        Assert.Equal(AvroSamples.Tracks.Count, read.Length);
        for (int i = 0; i < read.Length; i++)
        {
            AssertSame(AvroSamples.Tracks[i], read[i]);
        }
    }

    [Fact]
    public void Write_SparseTrack_ApacheReaderSeesNullsAndEmptyArray()
    {
        byte[] file = AvroTestFiles.Tracks([AvroSamples.SparseTrack]);

        using var reader = DataFileReader<GenericRecord>.OpenReader(new MemoryStream(file));
        GenericRecord record = reader.Next();

        Assert.Null(record["artist_id"]);
        Assert.Null(record["album_name"]);
        Assert.Null(record["track_genre"]);
        Assert.Null(record["release_date"]);
        Assert.Null(record["artist_followers"]);
        Assert.Null(record["artist_popularity"]);
        Assert.Empty((System.Collections.IEnumerable)record["artists"]!);
        Assert.Equal(-1, record["key"]);
        Assert.Equal(-60.0, record["loudness"]);
        Assert.False(reader.HasNext());
    }

    [Fact]
    public void ReadAll_NonSeekableStream_ReadsAllRecords()
    {
        byte[] file = AvroTestFiles.Tracks(AvroSamples.Tracks);

        var read = TrackRecordCodec.ReadAll(new ForwardOnlyStream(file)).ToArray();

        Assert.Equal(AvroSamples.Tracks.Select(t => t.TrackId), read.Select(t => t.TrackId));
    }

    [Fact]
    public void ReadAll_FileFromAnotherSchemaVersion_ThrowsMismatchNamingPathAndFingerprints()
    {
        // A plausible next version: one more field at the end, with a default. Avro could resolve it; we must not.
        string json = FeedSchemas.Track.Json.Replace(
            "\"artist_popularity\",\"type\":[\"null\",\"int\"],\"default\":null",
            "\"artist_popularity\",\"type\":[\"null\",\"int\"],\"default\":null},{\"name\":\"extra\",\"type\":\"int\",\"default\":0", StringComparison.Ordinal);
        FeedSchema other = FeedSchema.FromJson(json);
        Assert.NotEqual(FeedSchemas.Track.Fingerprint, other.Fingerprint);
        byte[] file = AvroTestFiles.Write(other, AvroSamples.Tracks, (buffer, track) =>
        {
            TrackRecordCodec.Write(buffer, track);
            buffer.WriteInt(5);
        });

        var error = Assert.Throws<FeedSchemaMismatchException>(() => TrackRecordCodec.ReadAll(new MemoryStream(file)));

        Assert.Equal(
            $"catalog/tracks.avro was written with another schema version (fingerprint {other.Fingerprint}, expected {FeedSchemas.Track.Fingerprint}).",
            error.Message);
        Assert.Equal("catalog/tracks.avro", error.Path);
        Assert.Equal(other.Fingerprint, error.ActualFingerprint);
        Assert.Equal(FeedSchemas.Track.Fingerprint, error.ExpectedFingerprint);
    }

    [Fact]
    public void ReadAll_SameSchemaWithOtherDocs_IsAccepted()
    {
        // Docs are not part of the canonical form: rewording them is not a new schema version.
        FeedSchema reworded = FeedSchema.FromJson(FeedSchemas.Track.Json.Replace("Spotify track id.", "The id.", StringComparison.Ordinal));
        Assert.NotEqual(FeedSchemas.Track.Json, reworded.Json);
        byte[] file = AvroTestFiles.Write(reworded, AvroSamples.Tracks, TrackRecordCodec.Write);

        Assert.Equal(AvroSamples.Tracks.Count, TrackRecordCodec.ReadAll(new MemoryStream(file)).Count());
    }

    [Fact]
    public void ReadAll_EventsFileGivenAsCatalog_ThrowsMismatch()
    {
        byte[] file = AvroTestFiles.Events(AvroSamples.Events(3));

        var error = Assert.Throws<FeedSchemaMismatchException>(() => TrackRecordCodec.ReadAll(new MemoryStream(file), "runs/r1/catalog/tracks.avro"));

        Assert.StartsWith("runs/r1/catalog/tracks.avro was written with another schema version", error.Message);
    }

    internal static void AssertSame(CatalogTrack expected, CatalogTrack actual)
    {
        Assert.Equal(expected with { Artists = NoArtists }, actual with { Artists = NoArtists });
        Assert.Equal(expected.Artists, actual.Artists);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
