using System.Globalization;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.TimeZones;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// <c>validate</c>'s check that every play of <c>events/date=D/part-k</c> is one of part k's users and lies inside that
/// user's local day D in their time zone (<c>time_zone</c> of the users file; UTC for runs without one): it starts at or
/// after the day's first instant and ends before its last. Each users part is read once; each events file is decoded
/// once, as it is checked anyway (<see cref="EventFileDecoder"/>), with the day's bounds computed once per zone.
/// </summary>
internal sealed class LocalDayCheck(IFeedStore run, FeedLayout layout)
{
    private readonly Dictionary<int, PartZones?> _parts = [];

    /// <summary>Whether <paramref name="path"/> is an events file, and so is checked here.</summary>
    public static bool Covers(string path) => path.StartsWith("events/date=", StringComparison.Ordinal) && path.EndsWith(".avro", StringComparison.Ordinal);

    /// <summary>Checks the events file <paramref name="path"/> held in <paramref name="file"/>, adding a finding per kind of fault.</summary>
    /// <returns>The file's record count.</returns>
    /// <exception cref="InvalidDataException">The file is not a well-formed events container.</exception>
    /// <exception cref="FeedSchemaMismatchException">The file was written with another schema.</exception>
    public async Task<long> CheckAsync(string path, ReadOnlyMemory<byte> file, List<string> problems, CancellationToken cancellationToken)
    {
        // events/date=yyyy-MM-dd/part-NNNNN.avro
        var date = DateOnly.ParseExact(path.AsSpan(12, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var part = int.Parse(path.AsSpan(path.Length - 10, 5), CultureInfo.InvariantCulture);
        var zones = await ZonesOfPartAsync(part, cancellationToken).ConfigureAwait(false);
        if (zones is null)
        {
            using var stream = new MemoryStream(file.ToArray(), writable: false);
            return AvroContainerScanner.Scan(stream).Records;
        }

        var visitor = new DayBoundsVisitor(zones, date);
        long records;
        using (var decoder = new EventFileDecoder())
        {
            records = decoder.Decode(file, path, ref visitor);
        }
        if (visitor.Strangers > 0)
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"{path} holds {visitor.Strangers:N0} events of users who are not in part {part} (the first: user {visitor.FirstStranger})."));
        if (visitor.Outside > 0)
        {
            var (user, begin, end) = visitor.FirstOutside;
            problems.Add(string.Create(CultureInfo.InvariantCulture,
                $"{path} holds {visitor.Outside:N0} events outside their listener's local day {date:yyyy-MM-dd} " +
                $"(the first: user {user} in {zones.ZoneOf(user).Id}, a play from {Utc(begin)} to {Utc(end)})."));
        }
        return records;
    }

    /// <summary>Counts the plays of users outside the part, and those outside their user's local day (bounds computed once per zone).</summary>
    private struct DayBoundsVisitor : IEventVisitor
    {
        private readonly PartZones _zones;
        private readonly long[] _starts, _ends;

        public DayBoundsVisitor(PartZones zones, DateOnly date)
        {
            _zones = zones;
            _starts = new long[zones.Zones.Length];
            _ends = new long[zones.Zones.Length];
            for (var z = 0; z < zones.Zones.Length; z++)
            {
                var day = zones.Zones[z].Day(date);
                (_starts[z], _ends[z]) = (day.StartUtcMs, day.EndUtcMs);
            }
        }

        public long Outside { get; private set; }
        public long Strangers { get; private set; }
        public (long User, long BeginMs, long EndMs) FirstOutside { get; private set; }
        public long FirstStranger { get; private set; }

        public void Visit(long userId, long timestampMs, ReadOnlySpan<byte> trackIdAvro, long listeningMs)
        {
            var index = userId - _zones.FirstUserId;
            if (index < 0 || index >= _zones.ZoneOfUser.Length)
            {
                if (Strangers++ == 0) FirstStranger = userId;
                return;
            }
            var zone = _zones.ZoneOfUser[index];
            if (timestampMs - listeningMs < _starts[zone] || timestampMs >= _ends[zone])
            {
                if (Outside++ == 0) FirstOutside = (userId, timestampMs - listeningMs, timestampMs);
            }
        }
    }

    private async Task<PartZones?> ZonesOfPartAsync(int part, CancellationToken cancellationToken)
    {
        if (_parts.TryGetValue(part, out var known)) return known;
        PartZones? zones = null;
        var path = layout.UsersPart(part);
        try
        {
            if (await run.ExistsAsync(path, cancellationToken).ConfigureAwait(false))
            {
                var users = await run.ReadAvroAsync(path, UserRecordCodec.ReadAll, cancellationToken).ConfigureAwait(false);
                zones = PartZones.Of(users.Select(u => (u.UserId, u.TimeZone)).ToList());
            }
        }
        catch (Exception e) when (e is InvalidDataException or Avro.AvroException or EndOfStreamException or InvalidCastException or ArgumentException)
        {
            // A damaged users file is a finding of its own (its checksum); its events cannot be placed in local days.
            zones = null;
        }
        _parts[part] = zones;
        return zones;
    }

    /// <summary>A part's users (consecutive ids from <see cref="FirstUserId"/>) and the index of each one's zone in <see cref="Zones"/>.</summary>
    private sealed record PartZones(long FirstUserId, int[] ZoneOfUser, ListenerTimeZone[] Zones)
    {
        public ListenerTimeZone ZoneOf(long userId) => Zones[ZoneOfUser[userId - FirstUserId]];

        public static PartZones? Of(IReadOnlyList<(long UserId, string TimeZone)> users)
        {
            if (users.Count == 0) return null;
            var ids = new Dictionary<string, int>(StringComparer.Ordinal);
            var zones = new List<ListenerTimeZone>();
            var zoneOfUser = new int[users.Count];
            for (var i = 0; i < users.Count; i++)
            {
                if (users[i].UserId != users[0].UserId + i || !ListenerTimeZone.Exists(users[i].TimeZone)) return null;
                if (!ids.TryGetValue(users[i].TimeZone, out var index))
                {
                    index = ids[users[i].TimeZone] = zones.Count;
                    zones.Add(ListenerTimeZone.Get(users[i].TimeZone));
                }
                zoneOfUser[i] = index;
            }
            return new PartZones(users[0].UserId, zoneOfUser, [.. zones]);
        }
    }

    private static string Utc(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
