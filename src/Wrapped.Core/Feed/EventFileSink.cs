using Wrapped.Core.Avro;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Feed;

/// <summary>Encodes the simulator's plays straight into an events container, with the catalog's pre-encoded track ids.</summary>
public sealed class EventFileSink(AvroContainerWriter writer, SimulationCatalog catalog) : IListeningEventSink
{
    public void Add(in ListeningEvent listeningEvent)
    {
        EventRecordCodec.Write(writer.Record, listeningEvent, catalog.TrackIdAvro(listeningEvent.TrackIndex));
        writer.EndRecord();
    }
}
