using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wrapped.Core.Avro;
using Wrapped.Core.Catalog;

namespace Wrapped.Core.Simulation;

/// <summary>
/// The catalog as the simulator's hot path reads it: arrays indexed by track and artist, with track indexes
/// assigned in the global newness order (newness ascending, ties by track id ordinal), so a track's index is
/// its newness rank, and each artist's tracks listed in that order. Picking "the k-th track of a
/// newness-ordered subset" is then an array read (or an O(log n) descent for the heard-artists subset).
/// </summary>
/// <remarks>
/// Tracks with a duration of 0 ms or less cannot be listened to, and a duplicate track id would make the
/// feed ambiguous; both are left out at <see cref="Create"/> (the first row of a duplicate id is kept) and
/// counted in <see cref="ExcludedTrackCount"/>. Tracks are indexed in newness order and artists in ordinal
/// order of their keys, so the simulation does not depend on the order of the input list.
/// Immutable after creation: safe to share between threads.
/// </remarks>
public sealed class SimulationCatalog
{
    private readonly string[] _trackIds;
    private readonly byte[] _trackIdAvro;
    private readonly int[] _trackIdAvroOffsets;
    private readonly string[] _artistKeys;
    private readonly byte[] _artistKeyAvro;
    private readonly int[] _artistKeyAvroOffsets;
    private readonly double[] _newness;
    private readonly Dictionary<string, int> _trackIndex;
    private readonly Dictionary<string, int> _artistIndex;

    /// <summary>What a play reads about a track, packed so one pick touches one cache line.</summary>
    internal readonly TrackFacts[] Facts;
    internal readonly int[] ArtistTrackOffsets;
    internal readonly int[] ArtistTracksByNewness;

    private SimulationCatalog(List<CatalogTrack> tracks, int excluded)
    {
        ExcludedTrackCount = excluded;
        tracks.Sort(static (x, y) =>
        {
            var c = x.NewnessScore.CompareTo(y.NewnessScore);
            return c != 0 ? c : string.CompareOrdinal(x.TrackId, y.TrackId);
        });
        var n = tracks.Count;
        _trackIds = new string[n];
        Facts = new TrackFacts[n];
        _newness = new double[n];
        _trackIndex = new Dictionary<string, int>(n, StringComparer.Ordinal);

        _artistKeys = tracks.Select(t => t.ArtistKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
        _artistIndex = new Dictionary<string, int>(_artistKeys.Length, StringComparer.Ordinal);
        for (var a = 0; a < _artistKeys.Length; a++)
        {
            _artistIndex.Add(_artistKeys[a], a);
        }

        for (var i = 0; i < n; i++)
        {
            var t = tracks[i];
            _trackIds[i] = t.TrackId;
            _trackIndex.Add(t.TrackId, i);
            Facts[i] = new TrackFacts(_artistIndex[t.ArtistKey], t.DurationMs, t.Popularity);
            _newness[i] = t.NewnessScore;
        }

        (_trackIdAvro, _trackIdAvroOffsets) = EncodeAvroStrings(_trackIds);
        (_artistKeyAvro, _artistKeyAvroOffsets) = EncodeAvroStrings(_artistKeys);
        (ArtistTrackOffsets, ArtistTracksByNewness) = GroupByArtist(Facts, _artistKeys.Length);
    }

    public int TrackCount => _trackIds.Length;

    public int ArtistCount => _artistKeys.Length;

    /// <summary>Input tracks left out: non-positive duration or a repeated track id.</summary>
    public int ExcludedTrackCount { get; }

    public static SimulationCatalog Create(IReadOnlyList<CatalogTrack> tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        var kept = new List<CatalogTrack>(tracks.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in tracks)
        {
            if (t.DurationMs > 0 && seen.Add(t.TrackId))
            {
                kept.Add(t);
            }
        }
        if (kept.Count == 0)
        {
            throw new ArgumentException("The catalog has no playable track (every track was missing or had a duration of 0 ms or less).", nameof(tracks));
        }
        return new SimulationCatalog(kept, tracks.Count - kept.Count);
    }

    public string TrackId(int track) => _trackIds[track];

    /// <summary>The track id as an Avro <c>string</c>: zig-zag varint of the UTF-8 length, then the bytes.</summary>
    public ReadOnlySpan<byte> TrackIdAvro(int track) =>
        _trackIdAvro.AsSpan(_trackIdAvroOffsets[track], _trackIdAvroOffsets[track + 1] - _trackIdAvroOffsets[track]);

    /// <summary>
    /// Starts loading the track's encoded id into the cache. The simulator calls it when it picks a track and the
    /// event writer reads the id only when the day is emitted: by then the line has arrived, where a read cold from
    /// a 24,000-track table stalled every event.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void PrefetchTrackIdAvro(int track) =>
        Prefetcher.Line(ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_trackIdAvro), _trackIdAvroOffsets[track]));

    /// <summary>The artist key as an Avro <c>string</c>, for the saved state (see <see cref="TrackIdAvro"/>).</summary>
    public ReadOnlySpan<byte> ArtistKeyAvro(int artist) =>
        _artistKeyAvro.AsSpan(_artistKeyAvroOffsets[artist], _artistKeyAvroOffsets[artist + 1] - _artistKeyAvroOffsets[artist]);

    public int ArtistOf(int track) => Facts[track].Artist;

    public string ArtistKey(int artist) => _artistKeys[artist];

    public int DurationMs(int track) => Facts[track].DurationMs;

    public int Popularity(int track) => Facts[track].Popularity;

    public double Newness(int track) => _newness[track];

    /// <summary>The artist's tracks, oldest first.</summary>
    public ReadOnlySpan<int> ArtistTracks(int artist) =>
        ArtistTracksByNewness.AsSpan(ArtistTrackOffsets[artist], ArtistTrackOffsets[artist + 1] - ArtistTrackOffsets[artist]);

    public int TrackIndex(string trackId) => _trackIndex.TryGetValue(trackId, out var i) ? i : -1;

    public int ArtistIndex(string key) => _artistIndex.TryGetValue(key, out var a) ? a : -1;

    private static (int[] Offsets, int[] Tracks) GroupByArtist(TrackFacts[] facts, int artistCount)
    {
        var offsets = new int[artistCount + 1];
        foreach (var f in facts)
        {
            offsets[f.Artist + 1]++;
        }
        for (var a = 0; a < artistCount; a++)
        {
            offsets[a + 1] += offsets[a];
        }
        var next = offsets[..^1];
        var tracks = new int[facts.Length];
        // Walking tracks in index (= newness) order keeps each artist's list in newness order without a sort.
        for (var t = 0; t < facts.Length; t++)
        {
            tracks[next[facts[t].Artist]++] = t;
        }
        return (offsets, tracks);
    }

    /// <summary>All the values as Avro strings, back to back, encoded by the writer's own <see cref="AvroRecordBuffer.WriteString"/>.</summary>
    private static (byte[] Bytes, int[] Offsets) EncodeAvroStrings(string[] values)
    {
        var offsets = new int[values.Length + 1];
        var buffer = new AvroRecordBuffer(Math.Max(16, values.Length * 24));
        for (var i = 0; i < values.Length; i++)
        {
            buffer.WriteString(values[i]);
            offsets[i + 1] = buffer.Length;
        }
        var bytes = buffer.Span.ToArray();
        buffer.ReturnToPool();
        return (bytes, offsets);
    }
}
