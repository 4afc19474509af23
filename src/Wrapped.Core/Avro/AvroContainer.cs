namespace Wrapped.Core.Avro;

/// <summary>Shortcuts over <see cref="AvroContainerWriter"/> for callers that have the records in hand.</summary>
public static class AvroContainer
{
    /// <summary>Writes every item as one record of a container file, then finishes it. Returns the record count.</summary>
    public static long WriteAll<T>(Stream output, FeedSchema schema, AvroCodecOptions codec, ReadOnlySpan<byte> syncMarker, IEnumerable<T> items, Action<AvroRecordBuffer, T> encode)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(encode);
        using var writer = new AvroContainerWriter(output, schema, codec, syncMarker);
        foreach (T item in items)
        {
            encode(writer.Record, item);
            writer.EndRecord();
        }
        writer.Finish();
        return writer.RecordCount;
    }
}
