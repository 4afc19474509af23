using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Avro;

namespace Wrapped.Core.Avro;

/// <summary>One of the feed's Avro schemas, as kept in <c>Avro/Schemas/*.avsc</c>.</summary>
public sealed class FeedSchema
{
    private FeedSchema(string name, string json, Schema parsed, string fingerprint)
    {
        Name = name;
        Json = json;
        Parsed = parsed;
        Fingerprint = fingerprint;
    }

    /// <summary>The record's short name, e.g. <c>Track</c>.</summary>
    public string Name { get; }

    /// <summary>
    /// The schema text written into each file's <c>avro.schema</c>: the .avsc minified, so that the header's
    /// bytes do not depend on how the file was indented or which line endings a checkout gave it.
    /// </summary>
    public string Json { get; }

    public Schema Parsed { get; }

    /// <summary>Lowercase hex SHA-256 of the schema's Parsing Canonical Form (docs, defaults and logical types excluded).</summary>
    public string Fingerprint { get; }

    public override string ToString() => $"{Name} ({Fingerprint})";

    /// <summary>Parses schema text; the canonical form and fingerprint follow the Avro specification.</summary>
    public static FeedSchema FromJson(string json)
    {
        string compact = Minify(json);
        Schema parsed = Schema.Parse(compact);
        return new FeedSchema(parsed.Name, compact, parsed, FingerprintOf(parsed));
    }

    internal static string FingerprintOf(Schema schema)
    {
        byte[] canonical = Encoding.UTF8.GetBytes(SchemaNormalization.ToParsingForm(schema));
        return Convert.ToHexStringLower(SHA256.HashData(canonical));
    }

    private static string Minify(string json)
    {
        using JsonDocument document = JsonDocument.Parse(json);
        using var output = new MemoryStream();
        // Relaxed escaping keeps docs readable in the header; it is deterministic either way.
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }
        return Encoding.UTF8.GetString(output.GetBuffer(), 0, (int)output.Length);
    }
}
