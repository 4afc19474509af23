using System.IO.Compression;
using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public class AvroCodecOptionsTests
{
    [Theory]
    [InlineData("deflate", AvroCodec.Deflate, CompressionLevel.Fastest)]
    [InlineData(" Deflate:Optimal ", AvroCodec.Deflate, CompressionLevel.Optimal)]
    [InlineData("deflate:smallest", AvroCodec.Deflate, CompressionLevel.SmallestSize)]
    [InlineData("null", AvroCodec.Null, CompressionLevel.NoCompression)]
    public void Parse_KnownText_GivesCodecAndLevel(string text, AvroCodec codec, CompressionLevel level)
    {
        AvroCodecOptions options = AvroCodecOptions.Parse(text);

        Assert.Equal(codec, options.Codec);
        Assert.Equal(level, options.Level);
    }

    [Theory]
    [InlineData("deflate")]
    [InlineData("deflate:optimal")]
    [InlineData("null")]
    public void ToString_ParsedOptions_ParsesBackToEqualOptions(string text)
    {
        AvroCodecOptions options = AvroCodecOptions.Parse(text);

        Assert.Equal(options, AvroCodecOptions.Parse(options.ToString()));
    }

    [Fact]
    public void Parse_Snappy_ThrowsNamingTheChoices()
    {
        var error = Assert.Throws<FormatException>(() => AvroCodecOptions.Parse("snappy"));

        Assert.Contains("'snappy'", error.Message);
        Assert.Contains("deflate:optimal", error.Message);
    }

    [Fact]
    public void Default_IsDeflateFastest()
    {
        Assert.Equal(new AvroCodecOptions(AvroCodec.Deflate, CompressionLevel.Fastest), AvroCodecOptions.Default);
        Assert.Equal("deflate", AvroCodecOptions.Default.AvroName);
    }
}
