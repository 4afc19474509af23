using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Wrapped.Core.Avro;

/// <summary>
/// A growable byte buffer that record codecs write Avro binary into. It is reused for the life of a writer,
/// so encoding a record allocates nothing once the buffer has reached its working size.
/// </summary>
public sealed class AvroRecordBuffer
{
    // A zig-zag varint of a long takes at most 10 bytes.
    private const int MaxVarintBytes = 10;

    // A string of at most this many UTF-16 chars is at most 63 UTF-8 bytes, whose zig-zag length fits one byte.
    private const int OneByteLengthMaxChars = 63 / 3;

    private byte[] _bytes;
    private int _length;

    public AvroRecordBuffer(int initialCapacity = 4096)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(initialCapacity, 16);
        // Pooled: a run opens a writer per file, and a fresh block-sized array each time lands on the large object
        // heap, where it costs a full collection every few files.
        _bytes = ArrayPool<byte>.Shared.Rent(initialCapacity);
    }

    /// <summary>Gives the buffer back to the pool; the buffer must not be used afterwards.</summary>
    internal void ReturnToPool()
    {
        var bytes = _bytes;
        _bytes = [];
        _length = 0;
        if (bytes.Length > 0) ArrayPool<byte>.Shared.Return(bytes);
    }

    /// <summary>Bytes written since the last <see cref="Clear"/>.</summary>
    public int Length => _length;

    public ReadOnlySpan<byte> Span => _bytes.AsSpan(0, _length);

    internal int Capacity => _bytes.Length;

    // Internal: a caller clearing a container writer's buffer mid-block would drop records it has already ended.
    internal void Clear() => _length = 0;

    /// <summary>Drops the bytes after <paramref name="length"/>, e.g. a record whose encoder failed half-way.</summary>
    internal void Truncate(int length)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, _length);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _length = length;
    }

    /// <summary>Avro <c>long</c>: zig-zag, then little-endian base-128 varint.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteLong(long value)
    {
        ref byte free = ref Reserve(MaxVarintBytes);
        _length += WriteZigZagUnchecked(ref free, value);
    }

    /// <summary>Avro <c>int</c>: the same encoding as a long of that value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteInt(int value) => WriteLong(value);

    public void WriteBoolean(bool value)
    {
        EnsureRoom(1);
        _bytes[_length++] = value ? (byte)1 : (byte)0;
    }

    public void WriteFloat(float value)
    {
        EnsureRoom(sizeof(float));
        BinaryPrimitives.WriteSingleLittleEndian(_bytes.AsSpan(_length), value);
        _length += sizeof(float);
    }

    public void WriteDouble(double value)
    {
        EnsureRoom(sizeof(double));
        BinaryPrimitives.WriteDoubleLittleEndian(_bytes.AsSpan(_length), value);
        _length += sizeof(double);
    }

    /// <summary>Avro <c>string</c>: byte length as a long, then UTF-8, encoded straight into the buffer.</summary>
    public void WriteString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length <= OneByteLengthMaxChars)
        {
            // Short strings (ids, names) skip the counting pass: encode after a one-byte length slot, then fill it.
            EnsureRoom(1 + value.Length * 3);
            int written = Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length + 1));
            _bytes[_length] = (byte)(written << 1);
            _length += 1 + written;
            return;
        }

        int byteCount = Encoding.UTF8.GetByteCount(value);
        WriteLong(byteCount);
        EnsureRoom(byteCount);
        _length += Encoding.UTF8.GetBytes(value, _bytes.AsSpan(_length));
    }

    /// <summary>Bytes already in Avro binary form, e.g. a track id pre-encoded as an Avro string.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        EnsureRoom(bytes.Length);
        bytes.CopyTo(_bytes.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>The branch of a union: the index of the branch in the schema's union, as a long.</summary>
    public void WriteUnionIndex(int index) => WriteLong(index);

    /// <summary>Avro <c>array&lt;string&gt;</c>: one block holding every item, then the zero-count terminator.</summary>
    public void WriteStringArray(IReadOnlyList<string> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        int count = items.Count;
        if (count > 0)
        {
            WriteLong(count);
            for (int i = 0; i < count; i++)
            {
                WriteString(items[i]);
            }
        }
        WriteLong(0);
    }

    /// <summary>A <c>["null","string"]</c> union: branch 0 for null, branch 1 then the value.</summary>
    public void WriteNullableString(string? value)
    {
        if (value is null)
        {
            WriteUnionIndex(0);
            return;
        }
        WriteUnionIndex(1);
        WriteString(value);
    }

    /// <summary>A <c>["null","long"]</c> union.</summary>
    public void WriteNullableLong(long? value)
    {
        if (value is not { } v)
        {
            WriteUnionIndex(0);
            return;
        }
        WriteUnionIndex(1);
        WriteLong(v);
    }

    /// <summary>A <c>["null","int"]</c> union.</summary>
    public void WriteNullableInt(int? value)
    {
        if (value is not { } v)
        {
            WriteUnionIndex(0);
            return;
        }
        WriteUnionIndex(1);
        WriteInt(v);
    }

    /// <summary>
    /// Makes room for <paramref name="bytes"/> bytes and returns a reference to the first free one. A codec that
    /// knows a record's maximum size reserves once, writes with <see cref="WriteZigZagUnchecked"/>, then calls
    /// <see cref="Advance"/>: one capacity check per record instead of one per field.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal ref byte Reserve(int bytes)
    {
        EnsureRoom(bytes);
        return ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_bytes), _length);
    }

    /// <summary>Counts bytes written through <see cref="Reserve"/>; never more than were reserved.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Advance(int bytes) => _length += bytes;

    /// <summary>
    /// Writes a zig-zag varint at <paramref name="destination"/> without bounds checks; the caller has reserved
    /// 10 bytes for it. Returns the bytes written.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static int WriteZigZagUnchecked(ref byte destination, long value)
    {
        ulong n = (ulong)((value << 1) ^ (value >> 63));
        int i = 0;
        while (n >= 0x80)
        {
            Unsafe.Add(ref destination, i++) = (byte)(n | 0x80);
            n >>= 7;
        }
        Unsafe.Add(ref destination, i++) = (byte)n;
        return i;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void EnsureRoom(int bytes)
    {
        if (_bytes.Length - _length < bytes)
        {
            Grow(bytes);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow(int bytes)
    {
        long needed = (long)_length + bytes;
        if (needed > Array.MaxLength)
        {
            throw new InvalidOperationException($"An Avro block cannot exceed {Array.MaxLength} bytes; lower the writer's block target or split the record.");
        }
        int capacity = (int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_bytes.Length * 2));
        var larger = ArrayPool<byte>.Shared.Rent(capacity);
        _bytes.AsSpan(0, _length).CopyTo(larger);
        if (_bytes.Length > 0) ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
