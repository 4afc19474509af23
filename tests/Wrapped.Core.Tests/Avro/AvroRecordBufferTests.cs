using System.Text;
using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public class AvroRecordBufferTests
{
    // Values from the Avro specification's zig-zag table, plus the extremes.
    [Theory]
    [InlineData(0L, new byte[] { 0x00 })]
    [InlineData(-1L, new byte[] { 0x01 })]
    [InlineData(1L, new byte[] { 0x02 })]
    [InlineData(-2L, new byte[] { 0x03 })]
    [InlineData(2L, new byte[] { 0x04 })]
    [InlineData(-64L, new byte[] { 0x7F })]
    [InlineData(64L, new byte[] { 0x80, 0x01 })]
    [InlineData(long.MaxValue, new byte[] { 0xFE, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    [InlineData(long.MinValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0x01 })]
    public void WriteLong_Value_IsZigZagVarint(long value, byte[] expected)
    {
        var buffer = new AvroRecordBuffer();

        buffer.WriteLong(value);

        Assert.Equal(expected, buffer.Span.ToArray());
    }

    [Fact]
    public void WriteInt_MinValue_IsFiveByteVarint()
    {
        var buffer = new AvroRecordBuffer();

        buffer.WriteInt(int.MinValue);

        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0x0F }, buffer.Span.ToArray());
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("4iV5W9uYEdYUVa79Axb7Rh")]
    [InlineData("ééééééééééééééééééééé")] // 21 two-byte chars: the longest string of the one-byte-length path
    [InlineData("éééééééééééééééééééééé")] // 22: the counting path, 44 bytes
    [InlineData("🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧🎧")] // surrogate pairs: 34 UTF-16 chars, 68 UTF-8 bytes, two-byte length
    [InlineData("東京事変 Tokyo Jihen — 閃光少女, a name long enough to need a two-byte length prefix for sure")]
    public void WriteString_Value_IsByteLengthThenUtf8(string value)
    {
        var buffer = new AvroRecordBuffer(16);
        byte[] utf8 = Encoding.UTF8.GetBytes(value);
        var expected = new AvroRecordBuffer();
        expected.WriteLong(utf8.Length);
        expected.WriteRaw(utf8);

        buffer.WriteString(value);

        Assert.Equal(expected.Span.ToArray(), buffer.Span.ToArray());
    }

    [Fact]
    public void WriteString_LongerThanCapacity_GrowsAndKeepsEarlierBytes()
    {
        var buffer = new AvroRecordBuffer(16);
        buffer.WriteLong(42);
        string value = new('x', 10_000);

        buffer.WriteString(value);

        Assert.Equal(1 + 3 + 10_000, buffer.Length); // 42, then 20,000 (zig-zag of 10,000) in three varint bytes
        Assert.Equal(84, buffer.Span[0]);
        Assert.Equal((byte)'x', buffer.Span[^1]);
    }

    [Fact]
    public void WriteStringArray_Empty_IsOnlyTheTerminator()
    {
        var buffer = new AvroRecordBuffer();

        buffer.WriteStringArray([]);

        Assert.Equal(new byte[] { 0 }, buffer.Span.ToArray());
    }

    [Fact]
    public void WriteStringArray_TwoItems_IsCountItemsThenTerminator()
    {
        var buffer = new AvroRecordBuffer();

        buffer.WriteStringArray(["a", "bc"]);

        Assert.Equal(new byte[] { 4, 2, (byte)'a', 4, (byte)'b', (byte)'c', 0 }, buffer.Span.ToArray());
    }

    [Fact]
    public void WriteNullableHelpers_NullAndValue_AreUnionIndexThenValue()
    {
        var buffer = new AvroRecordBuffer();

        buffer.WriteNullableString(null);
        buffer.WriteNullableString("z");
        buffer.WriteNullableLong(null);
        buffer.WriteNullableLong(-1);
        buffer.WriteNullableInt(null);
        buffer.WriteNullableInt(64);

        Assert.Equal(new byte[] { 0, 2, 2, (byte)'z', 0, 2, 1, 0, 2, 0x80, 0x01 }, buffer.Span.ToArray());
    }

    [Fact]
    public void WriteDoubleFloatBoolean_Values_AreLittleEndianIeeeAndOneByte()
    {
        var buffer = new AvroRecordBuffer();

        buffer.WriteDouble(1.0);
        buffer.WriteFloat(-2.0f);
        buffer.WriteBoolean(true);
        buffer.WriteBoolean(false);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0xF0, 0x3F, 0, 0, 0, 0xC0, 1, 0 }, buffer.Span.ToArray());
    }

    [Fact]
    public void Clear_AfterWrites_StartsOver()
    {
        var buffer = new AvroRecordBuffer();
        buffer.WriteString("abc");

        buffer.Clear();
        buffer.WriteLong(1);

        Assert.Equal(new byte[] { 2 }, buffer.Span.ToArray());
    }
}
