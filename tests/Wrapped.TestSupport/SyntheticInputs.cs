using System.Globalization;
using System.Text;
using Wrapped.Core.Catalog;
using Wrapped.Core.Randomness;

namespace Wrapped.TestSupport;

/// <summary>
/// Writes reference-scale input files with the value ranges and quirks of the real datasets (index column, list
/// literals, mixed date precisions, names needing quotes), deterministically from a seed.
/// </summary>
public static class SyntheticInputs
{
    private static readonly string[] Genres = ["pop", "rock", "jazz", "hip-hop", "classical", "metal", "folk", "latin", "edm", "soul"];

    /// <summary>Writes tracks.csv, tracks_extended.csv and artists.csv into <paramref name="directory"/>.</summary>
    /// <param name="genreShare">The share of track names that the genre file knows.</param>
    /// <param name="artistShare">The share of artists present in artists.csv (partial files are common).</param>
    /// <param name="artistCount">How many artists the tracks are spread over; default a quarter of the tracks.</param>
    public static void Write(string directory, int trackCount, ulong seed, double genreShare = 0.6, double artistShare = 0.8, int? artistCount = null)
    {
        var random = new SplitMix64(seed);
        var artists = Math.Max(1, artistCount ?? trackCount / 4);
        WriteTracks(Path.Combine(directory, "tracks.csv"), trackCount, artists, random);
        WriteGenres(Path.Combine(directory, "tracks_extended.csv"), trackCount, genreShare, random);
        WriteArtists(Path.Combine(directory, "artists.csv"), artists, artistShare, random);
    }

    private static void WriteTracks(string path, int trackCount, int artistCount, SplitMix64 random)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(",id,name,popularity,duration_ms,explicit,artists,id_artists,release_date,danceability,energy,key,loudness,mode,speechiness,acousticness,instrumentalness,liveness,valence,tempo,time_signature\n");
        var line = new StringBuilder();
        for (var i = 0; i < trackCount; i++)
        {
            var artists = Enumerable.Range(0, 1 + random.NextInt(3)).Select(_ => random.NextInt(artistCount)).ToArray();
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"{i},{TrackId(i)},{Quote(TrackName(i))},{Popularity(random)},{DurationMs(random)},{random.NextInt(2)},");
            line.Append(Quote("[" + string.Join(", ", artists.Select(a => $"'{ArtistName(a)}'")) + "]")).Append(',');
            line.Append(Quote("[" + string.Join(", ", artists.Select(a => $"'{ArtistId(a)}'")) + "]")).Append(',');
            line.Append(ReleaseDate(random)).Append(',');
            AppendAudioFeatures(line, random);
            writer.Write(line);
        }
    }

    /// <summary>
    /// Feature distributions shaped like the real dataset's: acoustic and electric tracks as two populations (energy,
    /// loudness and acousticness move together), speechiness and liveness mostly low, instrumentalness mostly 0.
    /// </summary>
    private static void AppendAudioFeatures(StringBuilder line, SplitMix64 random)
    {
        var acoustic = random.NextDouble() < 0.35;
        var energy = Clamp01(acoustic ? Normal(random, 0.3, 0.15) : Normal(random, 0.7, 0.15));
        var acousticness = Clamp01(acoustic ? Normal(random, 0.8, 0.15) : Math.Pow(random.NextDouble(), 3) * 0.5);
        var loudness = Math.Min(0, -25 + (energy * 20) + Normal(random, 0, 2.5));
        var danceability = Clamp01(Normal(random, acoustic ? 0.45 : 0.6, 0.15));
        var speechiness = Clamp01(0.03 + (Math.Pow(random.NextDouble(), 6) * 0.9));
        var instrumentalness = random.NextDouble() < 0.7 ? 0.0 : Clamp01(Math.Pow(random.NextDouble(), 0.3));
        var liveness = Clamp01(0.05 + (Math.Pow(random.NextDouble(), 3) * 0.9));
        var valence = Clamp01(Normal(random, 0.5, 0.25));
        var tempo = Math.Max(40, Normal(random, 118, 28));
        line.Append(CultureInfo.InvariantCulture, $"{danceability:0.000},{energy:0.000},{random.NextInt(12)},{loudness:0.000},{(random.NextDouble() < 0.7 ? 1 : 0)},");
        line.Append(CultureInfo.InvariantCulture, $"{speechiness:0.0000},{acousticness:0.000},{instrumentalness:0.000000},{liveness:0.000},{valence:0.000},");
        line.Append(CultureInfo.InvariantCulture, $"{tempo:0.000},{(random.NextInt(10) == 0 ? 3 : 4)}\n");
    }

    private static double Normal(SplitMix64 random, double mean, double deviation) =>
        mean + (deviation * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));

    private static double Clamp01(double value) => Math.Clamp(value, 0, 1);

    private static void WriteGenres(string path, int trackCount, double genreShare, SplitMix64 random)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write("Unnamed: 0,track_id,artists,album_name,track_name,popularity,duration_ms,explicit,danceability,track_genre\r\n");
        var index = 0;
        for (var i = 0; i < trackCount; i++)
        {
            if (random.NextDouble() >= genreShare)
            {
                continue;
            }

            // One track in ten is listed under two genres, as in the real file.
            var listings = random.NextInt(10) == 0 ? 2 : 1;
            for (var listing = 0; listing < listings; listing++)
            {
                writer.Write(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{index++},{TrackId(i)},Artist {i % 97};Guest {i % 13},{Quote($"Album {i / 10}, Vol. {i % 3}")},{Quote(TrackName(i))},{random.NextInt(101)},200000,{(random.NextInt(2) == 0 ? "False" : "True")},0.5,{Genres[random.NextInt(Genres.Length)]}\r\n"));
            }
        }
    }

    private static void WriteArtists(string path, int artistCount, double artistShare, SplitMix64 random)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.Write(",id,followers,genres,name,popularity\n");
        var index = 0;
        for (var a = 0; a < artistCount; a++)
        {
            if (random.NextDouble() >= artistShare)
            {
                continue;
            }

            var genres = "[" + string.Join(", ", Enumerable.Range(0, random.NextInt(3)).Select(_ => $"'{Genres[random.NextInt(Genres.Length)]}'")) + "]";
            writer.Write(string.Create(
                CultureInfo.InvariantCulture,
                $"{index++},{ArtistId(a)},{random.NextInt(5_000_000)}.0,{Quote(genres)},{Quote(ArtistName(a))},{random.NextInt(101)}\n"));
        }
    }

    /// <summary>Skewed like the real data: most tracks obscure, few hits.</summary>
    private static int Popularity(SplitMix64 random) => (int)Math.Round(100 * Math.Pow(random.NextDouble(), 1.8));

    /// <summary>Log-normal around 3.5 minutes, clipped to 30 s – 15 min, as real track lengths are.</summary>
    private static int DurationMs(SplitMix64 random)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return (int)Math.Clamp(210_000 * Math.Exp(0.35 * normal), 30_000, 900_000);
    }

    private static string ReleaseDate(SplitMix64 random)
    {
        var year = 1921 + random.NextInt(100);
        return random.NextInt(10) switch
        {
            0 => year.ToString(CultureInfo.InvariantCulture),
            1 => string.Create(CultureInfo.InvariantCulture, $"{year}-{1 + random.NextInt(12):00}"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{year}-{1 + random.NextInt(12):00}-{1 + random.NextInt(28):00}"),
        };
    }

    private static string TrackId(int i) => $"trk{i:D19}";

    private static string TrackName(int i) => (i % 5) switch
    {
        0 => $"Song {i}, Part II",
        1 => $"\"Quoted\" Song {i}",
        _ => $"Song {i}",
    };

    private static string ArtistId(int a) => $"art{a:D19}";

    private static string ArtistName(int a) => a % 7 == 0 ? $"The {a} Band" : $"Artist {a}";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
