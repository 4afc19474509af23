using System.Diagnostics.CodeAnalysis;
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
            // One- and two-byte values (lengths, user ids, most times) decode without the loop.
            uint first = data[p];
            if (first < 0x80)
            {
                Position = p + 1;
                return (long)(first >> 1) ^ -(long)(first & 1);
            }
        }
        return ReadLongSlow(data);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void SkipLong(ReadOnlySpan<byte> data)
    {
        var p = Position;
        while (true)
        {
            if ((uint)p >= (uint)data.Length) ThrowTruncated();
            if (data[p++] < 0x80) break;
        }
        Position = p;
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
