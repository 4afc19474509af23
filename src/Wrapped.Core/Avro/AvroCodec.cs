namespace Wrapped.Core.Avro;

/// <summary>The block codecs our container writer emits; both are required of every Avro implementation.</summary>
public enum AvroCodec
{
    Null,
    Deflate,
}
