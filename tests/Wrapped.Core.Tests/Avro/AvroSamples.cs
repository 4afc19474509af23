using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;

namespace Wrapped.Core.Tests.Avro;

/// <summary>Records that exercise every field shape: nulls, empty arrays, unicode, extremes.</summary>
internal static class AvroSamples
{
    public const string Unicode = "Beyoncé — 東京 🎧 \"quoted\"\nline";

    public static CatalogTrack FullTrack { get; } = new(
        TrackId: "4iV5W9uYEdYUVa79Axb7Rh",
        Name: "Déjà Vu " + Unicode,
        ArtistName: "Beyoncé",
        ArtistId: "6vWDO969PvNqNYHIOW5v0m",
        Artists: ["Beyoncé", "JAY-Z", "東京事変"],
        AlbumName: "B'Day",
        Genre: "r-n-b",
        DurationMs: 240_133,
        Popularity: 73,
        Explicit: true,
        ReleaseDate: "2006-09-04",
        Features: new AudioFeatures(0.633, 0.92, 7, -5.123, 1, 0.0544, 1.2e-5, 0.0, 0.341, 0.5, 105.002, 4),
        NewnessScore: 0.8125,
        AudioFeaturesType: 2,
        ArtistFollowers: 38_869_193_000L,
        ArtistPopularity: 86);

    public static CatalogTrack SparseTrack { get; } = new(
        TrackId: "00000000000000000000ZZ",
        Name: "",
        ArtistName: "Unknown",
        ArtistId: null,
        Artists: [],
        AlbumName: null,
        Genre: null,
        DurationMs: 0,
        Popularity: 0,
        Explicit: false,
        ReleaseDate: null,
        Features: new AudioFeatures(0, 0, -1, -60.0, 0, 0, 0, 1, 0, 0, 0, 0),
        NewnessScore: 0,
        AudioFeaturesType: 0,
        ArtistFollowers: null,
        ArtistPopularity: null);

    public static CatalogTrack YearOnlyTrack { get; } = FullTrack with
    {
        TrackId = "1yearOnly0000000000000",
        ReleaseDate = "1921",
        ArtistFollowers = 0,
        ArtistPopularity = 0,
        Artists = ["Solo"],
    };

    public static IReadOnlyList<CatalogTrack> Tracks { get; } = [FullTrack, SparseTrack, YearOnlyTrack];

    public static IReadOnlyList<CatalogArtist> Artists { get; } =
    [
        new("6vWDO969PvNqNYHIOW5v0m", "Beyoncé", 38_869_193L, ["dance pop", "pop", "r&b"], 86),
        new("0000000000000000000000", "Nobody " + Unicode, null, [], 0),
        new("7dGJo4pcD2V6oG8kP0tJRR", "Eminem", long.MaxValue, ["rap"], 100),
    ];

    public static IReadOnlyList<UserProfile> Users { get; } =
    [
        new(1, "alice", "France", new DateOnly(1980, 2, 29), Gender.F, Personality.Parse("FNLC"), "Europe/Paris"),
        new(2, "bøb " + Unicode, "日本", new DateOnly(1935, 12, 31), Gender.M, Personality.Parse("ETVU"), "America/Argentina/Buenos_Aires"),
        new(long.MaxValue, "epoch", "", new DateOnly(1970, 1, 1), Gender.F, Personality.Parse("FTVC")),
        new(-7, "pre-epoch", "Chile", new DateOnly(1969, 12, 31), Gender.M, Personality.Parse("ENLU")),
    ];

    public static IReadOnlyList<UserStateRecord> States { get; } =
    [
        new(1, "4iV5W9uYEdYUVa79Axb7Rh", "6vWDO969PvNqNYHIOW5v0m", ["6vWDO969PvNqNYHIOW5v0m", "Beyoncé", Unicode], new DateOnly(2026, 1, 1)),
        new(-2, "", "name only", [], new DateOnly(1969, 7, 20)),
    ];

    public static IReadOnlyList<WrappedSummaryRecord> Summaries { get; } =
    [
        new(1, 2025, "Europe/Paris", 739_530_000, 12_775, 4_231, 2_412, 398,
            [new("4iV5W9uYEdYUVa79Axb7Rh", "Déjà Vu " + Unicode, "Beyoncé", 9_000_000, 41), new("t2", "Two", null, 8_999_999, 50)],
            [new("6vWDO969PvNqNYHIOW5v0m", "Beyoncé", null, 12_000_000, 70)],
            [new(Unicode, Unicode, null, 1, 1)],
            [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, long.MaxValue],
            Enumerable.Range(0, 24).Select(h => (long)h * 1000).ToArray(),
            [7, 6, 5, 4, 3, 2, 1],
            -86_400_000, 1_767_225_599_999,
            new ListeningScores(0.93, 0.61, 0.25, 0.5833),
            "FNLC", "FNLV"),
        new(long.MinValue, -1, "UTC", 0, 0, 0, 0, 0, [], [], [], [], [], [], 0, 253_402_300_799_999,
            new ListeningScores(0, 1, double.Epsilon, 0.5), "", null),
    ];

    /// <summary>Events with ids, timestamps and sessions on both sides of zero; track ids from <see cref="Tracks"/>.</summary>
    public static (ListeningEvent Event, string TrackId)[] Events(int count)
    {
        var events = new (ListeningEvent, string)[count];
        long start = new DateTimeOffset(2025, 3, 9, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
        for (int i = 0; i < count; i++)
        {
            long sign = i % 7 == 3 ? -1 : 1;
            var e = new ListeningEvent(
                Id: sign * (20250309_000_000_000L + i),
                TimestampMs: start + sign * 1_000L * i,
                TrackIndex: i % Tracks.Count,
                UserId: i / 35,
                ListeningTimeMs: (i * 7919L) % 400_000,
                SessionId: sign * (i / 10));
            events[i] = (e, Tracks[i % Tracks.Count].TrackId);
        }
        return events;
    }
}
