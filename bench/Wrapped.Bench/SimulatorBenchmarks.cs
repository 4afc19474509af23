using BenchmarkDotNet.Attributes;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;
using Wrapped.TestSupport;

namespace Wrapped.Bench;

/// <summary>Micro-benchmarks of one user-day under each preset: simulation alone, and simulation with Avro encoding and deflate.</summary>
[MemoryDiagnoser]
public class SimulatorBenchmarks
{
    [Params(ListeningModel.ReferenceName, ListeningModel.RealisticName)]
    public string Model { get; set; } = ListeningModel.ReferenceName;

    private ListeningSimulator _simulator = null!;
    private SimulationCatalog _catalog = null!;
    private UserProfile[] _users = null!;
    private UserListeningState[] _states = null!;
    private readonly NullSink _sink = new();
    private DateOnly _date = new(2024, 1, 1);

    [GlobalSetup]
    public void Setup()
    {
        _catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(24_000, 8_600, seed: 3));
        var model = ListeningModel.Preset(Model);
        _simulator = new ListeningSimulator(_catalog, 42, model);
        var generator = new UserGenerator(42, _date, model);
        _users = Enumerable.Range(0, 64).Select(u => generator.Create(u)).ToArray();
        _states = _users.Select(u => _simulator.CreateInitialState(u.UserId)).ToArray();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = 64)]
    public void SimulateUserDays()
    {
        for (var i = 0; i < _users.Length; i++) _simulator.SimulateDay(_users[i], _states[i], _date, _sink);
        _date = _date.AddDays(1);
    }

    [Benchmark(OperationsPerInvoke = 64)]
    public long SimulateAndEncodeUserDays()
    {
        using var writer = new AvroContainerWriter(Stream.Null, FeedSchemas.Event, AvroCodecOptions.Default, SyncMarker.Derive(1, "bench"));
        var sink = new EventFileSink(writer, _catalog);
        for (var i = 0; i < _users.Length; i++) _simulator.SimulateDay(_users[i], _states[i], _date, sink);
        writer.Finish();
        _date = _date.AddDays(1);
        return writer.RecordCount;
    }

    private sealed class NullSink : IListeningEventSink
    {
        public void Add(in ListeningEvent listeningEvent) { }
    }
}
