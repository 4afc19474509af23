using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Users;
using Wrapped.Core.Wrapped;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Wrapped;

/// <summary>A small population simulated in memory, day by day, and written as event files cut however a test asks.</summary>
internal sealed class SimulatedListening
{
    private readonly Dictionary<(DateOnly Date, long User), List<ListeningEvent>> _plays = [];

    public SimulatedListening(int users, DateOnly start, int days, int tracks = 600, int artists = 120, long seed = 11)
    {
        var rows = SyntheticCatalog.Tracks(tracks, artists, seed: (int)seed);
        var simulation = SimulationCatalog.Create(rows);
        Catalog = WrappedCatalog.Create(simulation, rows);
        var generator = new UserGenerator(seed, start);
        Users = Enumerable.Range(0, users).Select(u => generator.Create(u)).ToArray();
        var simulator = new ListeningSimulator(simulation, seed);
        var states = Users.Select(u => simulator.CreateInitialState(u.UserId)).ToArray();
        Dates = Enumerable.Range(0, days).Select(start.AddDays).ToArray();
        foreach (var date in Dates)
        {
            for (var u = 0; u < users; u++)
            {
                var sink = new Simulation.CollectingSink();
                simulator.SimulateDay(Users[u], states[u], date, sink);
                _plays[(date, Users[u].UserId)] = sink.Events;
            }
        }
    }

    public WrappedCatalog Catalog { get; }

    public UserProfile[] Users { get; }

    public DateOnly[] Dates { get; }

    public long Plays => _plays.Values.Sum(p => p.Count);

    /// <summary>The day's event files, <paramref name="partSize"/> users each, in part order.</summary>
    public IEnumerable<(string Path, byte[] Bytes)> DayFiles(DateOnly date, int partSize, AvroCodecOptions? codec = null)
    {
        for (var first = 0; first < Users.Length; first += partSize)
        {
            var path = new FeedLayout("test").RelativeToRun(new FeedLayout("test").EventsPart(date, first / partSize));
            using var output = new MemoryStream();
            using (var writer = new AvroContainerWriter(output, FeedSchemas.Event, codec ?? AvroCodecOptions.Default, SyncMarker.Derive(1, path)))
            {
                var sink = new EventFileSink(writer, Catalog.Tracks);
                foreach (var user in Users.Skip(first).Take(partSize))
                {
                    foreach (var play in _plays[(date, user.UserId)]) sink.Add(play);
                }
            }
            yield return (path, output.ToArray());
        }
    }

    /// <summary>Every play of the day, by user then time, with its track's id.</summary>
    public IEnumerable<(ListeningEvent Event, string TrackId)> DayPlays(DateOnly date) =>
        Users.SelectMany(u => _plays[(date, u.UserId)]).Select(e => (e, Catalog.Tracks.TrackId(e.TrackIndex)));

    /// <summary>Every listener-year's summary, from the files of each day in date order, cut into parts of <paramref name="partSize"/>.</summary>
    public List<WrappedSummaryRecord> Summaries(
        int partSize, bool reversePartsWithinDay = false, AvroCodecOptions? codec = null, int windowPlays = WrappedAggregator.DefaultWindowPlays)
    {
        using var aggregator = new WrappedAggregator(Catalog, clockOf: null, windowPlays);
        foreach (var date in Dates)
        {
            var files = DayFiles(date, partSize, codec).ToList();
            if (reversePartsWithinDay) files.Reverse();
            foreach (var (path, bytes) in files) aggregator.AddEventFile(bytes, path);
        }
        return aggregator.Summaries(id => Users[id].Personality.Code);
    }
}
