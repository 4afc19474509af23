using System.IO.Compression;

namespace Wrapped.Core.Avro;

/// <summary>How container blocks are compressed. Written as <c>deflate</c>, <c>deflate:optimal</c> or <c>null</c> in settings.</summary>
public sealed record AvroCodecOptions(AvroCodec Codec = AvroCodec.Deflate, CompressionLevel Level = CompressionLevel.Fastest)
{
    /// <summary>Deflate at the fastest level: the simulator's output is dominated by compression time.</summary>
    public static AvroCodecOptions Default { get; } = new();

    /// <summary>The value of the header's <c>avro.codec</c> key.</summary>
    public string AvroName => Codec == AvroCodec.Deflate ? "deflate" : "null";

    /// <summary>Accepts <c>null</c>, <c>deflate</c> and <c>deflate:LEVEL</c> with LEVEL one of fastest, optimal, smallest, none (case-insensitive).</summary>
    public static AvroCodecOptions Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string value = text.Trim().ToLowerInvariant();
        return value switch
        {
            "null" or "none" => new AvroCodecOptions(AvroCodec.Null, CompressionLevel.NoCompression),
            "deflate" or "deflate:fastest" => Default,
            "deflate:optimal" => new AvroCodecOptions(AvroCodec.Deflate, CompressionLevel.Optimal),
            "deflate:smallest" => new AvroCodecOptions(AvroCodec.Deflate, CompressionLevel.SmallestSize),
            "deflate:none" => new AvroCodecOptions(AvroCodec.Deflate, CompressionLevel.NoCompression),
            _ => throw new FormatException($"'{text}' is not an Avro codec: expected null, deflate, deflate:fastest, deflate:optimal or deflate:smallest."),
        };
    }

    /// <summary>The text <see cref="Parse"/> reads back, e.g. for the manifest.</summary>
    public override string ToString() => Codec switch
    {
        AvroCodec.Null => "null",
        _ => Level switch
        {
            CompressionLevel.Optimal => "deflate:optimal",
            CompressionLevel.SmallestSize => "deflate:smallest",
            CompressionLevel.NoCompression => "deflate:none",
            _ => "deflate:fastest",
        },
    };
}
