using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Simulation;

internal sealed class CollectingSink : IListeningEventSink
{
    public List<ListeningEvent> Events { get; } = [];

    public void Add(in ListeningEvent listeningEvent) => Events.Add(listeningEvent);
}

internal sealed class NullSink : IListeningEventSink
{
    public long Count { get; private set; }

    public void Add(in ListeningEvent listeningEvent) => Count++;
}
