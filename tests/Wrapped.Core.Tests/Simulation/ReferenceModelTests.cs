using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Wrapped.Core.Avro;
using Wrapped.Core.Feed;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;
using Wrapped.TestSupport;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>The reference preset changes nothing: the files of a reference run are the bytes they were before the model existed.</summary>
public sealed class ReferenceModelTests
{
    private const long Seed = 77;
    private static readonly DateOnly Start = new(2025, 3, 29);

    [Fact]
    public void UsersAndEventFiles_ReferencePreset_AreByteIdenticalToTheCodeBeforeTheModel()
    {
        // SHA-256 of the same files written by the code before the listening model (commit b584942, the same steps:
        // 25 users, 3 days from 2025-03-29, catalog SyntheticCatalog.Tracks(500, 90, seed: 23), seed 77, deflate).
        var catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(500, 90, seed: 23));
        var model = ListeningModel.Reference;
        var generator = new UserGenerator(Seed, Start, model);
        var users = Enumerable.Range(0, 25).Select(u => generator.Create(u)).ToArray();
        var format = UserRecordCodec.FormatFor(model);

        Assert.Equal("a4cb2e33a97a4f62ad25c63db9e709109311253e8caa4defe80eb6319b71c7e6", Hash(format.Schema, "users/part-00000.avro", w =>
        {
            foreach (var u in users)
            {
                format.Write(w.Record, u);
                w.EndRecord();
            }
        }));

        var simulator = new ListeningSimulator(catalog, Seed, model);
        var states = users.Select(u => simulator.CreateInitialState(u.UserId)).ToArray();
        string[] expected =
        [
            "2e35ca73ea53864a8e8d67a24a72942d2ed0cf72b4e2eee4b4e8234686bab567",
            "c5126b2f0c265efc47fcaa63971ef52467932b7dfe91d77809dba020777702ba",
            "5822f4637e4ed96aaf9a0350904126ea52ae6383ce3dc6b752204f6c191a2b69",
        ];
        for (var d = 0; d < expected.Length; d++)
        {
            var date = Start.AddDays(d);
            Assert.Equal(expected[d], Hash(FeedSchemas.Event, $"events/date={date:yyyy-MM-dd}/part-00000.avro", w =>
            {
                var sink = new EventFileSink(w, catalog);
                for (var i = 0; i < users.Length; i++)
                {
                    simulator.SimulateDay(users[i], states[i], date, sink);
                }
            }));
        }
    }

    [Fact]
    public void SimulateDay_ReferenceNumbersInAnotherLayout_GivesTheSameEvents()
    {
        // The simulator reads its numbers from the document: the same numbers, written otherwise, are the same model.
        var root = JsonNode.Parse(ListeningModel.Reference.Text)!.AsObject();
        root["name"] = "my copy";
        root["description"] = "The reference, retyped.";
        var copy = ListeningModel.Parse(root.ToJsonString().Replace("0.50", "0.5", StringComparison.Ordinal), "copy.json");
        var catalog = SimulationCatalog.Create(SyntheticCatalog.Tracks(300, 60, seed: 7));
        var user = new UserGenerator(Seed, Start).Create(4);

        Assert.Equal(Simulate(new ListeningSimulator(catalog, Seed), user, 20), Simulate(new ListeningSimulator(catalog, Seed, copy), user, 20));
    }

    internal static List<ListeningEvent> Simulate(ListeningSimulator simulator, UserProfile user, int days, DateOnly? start = null)
    {
        var sink = new CollectingSink();
        var state = simulator.CreateInitialState(user.UserId);
        for (var d = 0; d < days; d++)
        {
            simulator.SimulateDay(user, state, (start ?? Start).AddDays(d), sink);
        }
        return sink.Events;
    }

    private static string Hash(FeedSchema schema, string path, Action<AvroContainerWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new AvroContainerWriter(buffer, schema, AvroCodecOptions.Default, SyncMarker.Derive(Seed, path)))
        {
            write(writer);
            writer.Finish();
        }
        return Convert.ToHexStringLower(SHA256.HashData(buffer.ToArray()));
    }
}
