using Avro.File;
using Avro.Generic;

namespace Wrapped.Core.Avro;

/// <summary>Opens a feed file with Apache.Avro's reader, resolving the file's writer schema against ours.</summary>
internal static class FeedFileReader
{
    /// <summary>
    /// Opens the file at once, so a wrong file fails here and not at the first enumeration, and returns its
    /// records lazily. <paramref name="requireSameSchema"/> rejects any writer schema whose canonical form differs
    /// from ours instead of letting Avro resolve it.
    /// </summary>
    public static IEnumerable<GenericRecord> Open(Stream stream, FeedSchema schema, bool requireSameSchema, string? path)
    {
        ArgumentNullException.ThrowIfNull(stream);
        // Apache.Avro's reader needs to seek; blob download streams often cannot.
        Stream seekable = stream.CanSeek ? stream : CopyToMemory(stream);
        // When the schema must match, read with the writer's own schema: resolution would fail with Avro's
        // message before we could name the versions, and once the fingerprints agree the two read alike.
        IFileReader<GenericRecord> reader = DataFileReader<GenericRecord>.OpenReader(seekable, requireSameSchema ? null : schema.Parsed, leaveOpen: true);
        if (requireSameSchema)
        {
            string actual = FeedSchema.FingerprintOf(reader.GetSchema());
            if (actual != schema.Fingerprint)
            {
                reader.Dispose();
                throw new FeedSchemaMismatchException(path, schema.Fingerprint, actual);
            }
        }
        return Enumerate(reader);
    }

    private static IEnumerable<GenericRecord> Enumerate(IFileReader<GenericRecord> reader)
    {
        using (reader)
        {
            while (reader.HasNext())
            {
                yield return reader.Next();
            }
        }
    }

    private static MemoryStream CopyToMemory(Stream stream)
    {
        var copy = new MemoryStream();
        stream.CopyTo(copy);
        copy.Position = 0;
        return copy;
    }
}
