using System.Text;

namespace Wrapped.Core.Avro;

/// <summary>
/// Walks an Avro object container's blocks without decoding records: checks the magic, reads the header metadata,
/// and counts records, checking every block's sync marker. Enough to validate a run's files quickly.
/// </summary>
public static class AvroContainerScanner
{
    private static readonly byte[] Magic = "Obj"u8.ToArray().Append((byte)1).ToArray();

    public sealed record Summary(IReadOnlyDictionary<string, string> Metadata, long Records, int Blocks);

    /// <exception cref="InvalidDataException">The stream is not a well-formed Avro container.</exception>
    public static Summary Scan(Stream stream)
    {
        var reader = new BinaryCursor(stream);
        Span<byte> magic = stackalloc byte[4];
        reader.ReadExactly(magic, "magic");
        if (!magic.SequenceEqual(Magic)) throw new InvalidDataException("Not an Avro object container: the file does not start with 'Obj\\x01'.");

        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var count = reader.ReadLong(); count != 0; count = reader.ReadLong())
        {
            if (count < 0)
            {
                count = -count;
                reader.ReadLong(); // block size in bytes, not needed to read the entries
            }
            for (var i = 0; i < count; i++)
            {
                var key = Encoding.UTF8.GetString(reader.ReadBytes("metadata key"));
                metadata[key] = Encoding.UTF8.GetString(reader.ReadBytes("metadata value"));
            }
        }
        var sync = new byte[16];
        reader.ReadExactly(sync, "sync marker");

        long records = 0;
        var blocks = 0;
        var blockSync = new byte[16];
        while (reader.TryReadLong(out var blockCount))
        {
            var size = reader.ReadLong();
            if (blockCount < 0 || size < 0) throw new InvalidDataException($"Block {blocks} has a negative count or size.");
            reader.Skip(size);
            reader.ReadExactly(blockSync, "block sync marker");
            if (!blockSync.AsSpan().SequenceEqual(sync)) throw new InvalidDataException($"Block {blocks} ends with a sync marker other than the header's: the file is corrupt.");
            records += blockCount;
            blocks++;
        }
        return new Summary(metadata, records, blocks);
    }

    private sealed class BinaryCursor(Stream stream)
    {
        public void ReadExactly(Span<byte> buffer, string what)
        {
            try
            {
                stream.ReadExactly(buffer);
            }
            catch (EndOfStreamException e)
            {
                throw new InvalidDataException($"The file ends inside its {what}.", e);
            }
        }

        public long ReadLong() => TryReadLong(out var value) ? value : throw new InvalidDataException("The file ends inside a number.");

        public bool TryReadLong(out long value)
        {
            ulong raw = 0;
            var shift = 0;
            while (true)
            {
                var b = stream.ReadByte();
                if (b < 0)
                {
                    if (shift == 0) { value = 0; return false; }
                    throw new InvalidDataException("The file ends inside a number.");
                }
                raw |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
                shift += 7;
                if (shift > 63) throw new InvalidDataException("A number is longer than 10 bytes.");
            }
            value = (long)(raw >> 1) ^ -(long)(raw & 1);
            return true;
        }

        public byte[] ReadBytes(string what)
        {
            var length = ReadLong();
            if (length < 0 || length > 64 * 1024 * 1024) throw new InvalidDataException($"The {what} has an impossible length {length}.");
            var bytes = new byte[length];
            ReadExactly(bytes, what);
            return bytes;
        }

        public void Skip(long count)
        {
            if (stream.CanSeek)
            {
                if (stream.Position + count > stream.Length) throw new InvalidDataException("A block runs past the end of the file.");
                stream.Seek(count, SeekOrigin.Current);
                return;
            }
            Span<byte> scratch = stackalloc byte[4096];
            while (count > 0)
            {
                var read = stream.Read(scratch[..(int)Math.Min(count, scratch.Length)]);
                if (read == 0) throw new InvalidDataException("A block runs past the end of the file.");
                count -= read;
            }
        }
    }
}
