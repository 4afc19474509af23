using Wrapped.Core.Avro;

namespace Wrapped.TestSupport;

/// <summary>Writes events files from records a test made or changed, as the feed writes them.</summary>
public static class EventFiles
{
    public static byte[] Write(IEnumerable<EventRecord> events, string codec, long seed, string runPath)
    {
        var file = new MemoryStream();
        AvroContainer.WriteAll(file, FeedSchemas.Event, AvroCodecOptions.Parse(codec), SyncMarker.Derive(seed, runPath), events, (buffer, e) =>
        {
            buffer.WriteLong(e.Id);
            buffer.WriteLong(e.TimestampMs);
            buffer.WriteString(e.TrackId);
            buffer.WriteLong(e.UserId);
            buffer.WriteLong(e.ListeningTimeMs);
            buffer.WriteLong(e.SessionId);
        });
        return file.ToArray();
    }
}
