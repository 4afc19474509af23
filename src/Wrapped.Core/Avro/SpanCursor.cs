using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Wrapped.Core.Avro;

/// <summary>A read position in Avro binary data, with the file (and block) it is in for error messages.</summary>
internal struct SpanCursor(string path, int block = -1)
{
    private const int MaxStringBytes = 64 * 1024 * 1024;

    public int Position;

    public readonly string Path => path;

    /// <summary>Avro <c>long</c>: zig-zag, little-endian base-128.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long ReadLong(ReadOnlySpan<byte> data)
    {
        var p = Position;
        if ((uint)p < (uint)data.Length)
        {
            // One-byte values (lengths, small ids) decode without the rest.
            uint first = data[p];
            if (first < 0x80)
            {
                Position = p + 1;
                return (long)(first >> 1) ^ -(long)(first & 1);
            }
            // Up to eight bytes (every time and duration) from one word, while eight bytes remain to read.
            if (p <= data.Length - sizeof(ulong))
            {
                var word = BinaryPrimitives.ReadUInt64LittleEndian(data[p..]);
                var stops = ~word & 0x8080_8080_8080_8080UL;
                if (stops != 0)
                {
                    var bytes = (BitOperations.TrailingZeroCount(stops) >> 3) + 1;
                    Position = p + bytes;
                    var raw = Gather7(word & (ulong.MaxValue >> (64 - 8 * bytes)));
                    return (long)(raw >> 1) ^ -(long)(raw & 1);
                }
            }
        }
        return ReadLongSlow(data);
    }

    /// <summary>Skips an Avro <c>long</c> (an event's id, its session): finds its last byte without decoding it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipLong(ReadOnlySpan<byte> data)
    {
        var p = Position;
        if (p <= data.Length - sizeof(ulong))
        {
            var stops = ~BinaryPrimitives.ReadUInt64LittleEndian(data[p..]) & 0x8080_8080_8080_8080UL;
            if (stops != 0)
            {
                Position = p + (BitOperations.TrailingZeroCount(stops) >> 3) + 1;
                return;
            }
            p += sizeof(ulong);
        }
        while (true)
        {
            if ((uint)p >= (uint)data.Length) ThrowTruncated();
            if (data[p++] < 0x80) break;
        }
        Position = p;
    }

    /// <summary>Joins the low seven bits of each of up to eight bytes into one number, first byte lowest.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Gather7(ulong word)
    {
        word &= 0x7F7F_7F7F_7F7F_7F7FUL;
        word = ((word & 0x7F00_7F00_7F00_7F00UL) >> 1) | (word & 0x007F_007F_007F_007FUL);
        word = ((word & 0x3FFF_0000_3FFF_0000UL) >> 2) | (word & 0x0000_3FFF_0000_3FFFUL);
        return ((word & 0x0FFF_FFFF_0000_0000UL) >> 4) | (word & 0x0000_0000_0FFF_FFFFUL);
    }

    /// <summary>An Avro string or bytes value, length prefix included.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ReadOnlySpan<byte> ReadAvroString(ReadOnlySpan<byte> data)
    {
        var start = Position;
        var length = ReadLong(data);
        if ((ulong)length > (ulong)(data.Length - Position)) ThrowBadLength(length);
        Position += (int)length;
        return data[start..Position];
    }

    /// <summary>Avro <c>int</c>: a <c>long</c> that must fit 32 bits.</summary>
    public int ReadInt(ReadOnlySpan<byte> data)
    {
        var value = ReadLong(data);
        if (value is < int.MinValue or > int.MaxValue) throw Error($"holds {value} where an int is expected");
        return (int)value;
    }

    /// <summary>Avro <c>double</c>: eight bytes, little-endian.</summary>
    public double ReadDouble(ReadOnlySpan<byte> data)
    {
        if (Position > data.Length - sizeof(double)) ThrowTruncated();
        var value = BinaryPrimitives.ReadDoubleLittleEndian(data[Position..]);
        Position += sizeof(double);
        return value;
    }

    /// <summary>Avro <c>string</c>, decoded.</summary>
    public string ReadString(ReadOnlySpan<byte> data) => System.Text.Encoding.UTF8.GetString(ReadBytes(data));

    /// <summary>
    /// The number of items in the next block of an Avro array or map, 0 at its end: a negative count is followed by the
    /// block's size in bytes, which is skipped. Every item takes at least a byte, so a count beyond the bytes left is refused.
    /// </summary>
    public long ReadBlockCount(ReadOnlySpan<byte> data)
    {
        var count = ReadLong(data);
        if (count < 0)
        {
            count = -count;
            SkipLong(data);
        }
        if (count < 0 || count > data.Length - Position) throw Error($"holds an array or map block of impossible count {count}");
        return count;
    }

    /// <summary>The content of an Avro bytes or string value, without its length.</summary>
    public ReadOnlySpan<byte> ReadBytes(ReadOnlySpan<byte> data)
    {
        var length = ReadLong(data);
        if (length < 0 || length > MaxStringBytes || length > data.Length - Position) ThrowBadLength(length);
        var value = data.Slice(Position, (int)length);
        Position += (int)length;
        return value;
    }

    public readonly InvalidDataException Error(string problem) =>
        new(block < 0 ? $"{path} {problem}." : $"{path}: block {block} {problem}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private long ReadLongSlow(ReadOnlySpan<byte> data)
    {
        ulong raw = 0;
        var shift = 0;
        var p = Position;
        while (true)
        {
            if ((uint)p >= (uint)data.Length) ThrowTruncated();
            var b = data[p++];
            raw |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) break;
            shift += 7;
            if (shift > 63) throw Error("holds a number longer than 10 bytes");
        }
        Position = p;
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    [DoesNotReturn]
    private readonly void ThrowTruncated() => throw Error("ends inside a value");

    [DoesNotReturn]
    private readonly void ThrowBadLength(long length) => throw Error($"holds a string or bytes value of impossible length {length}");
}
