using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// A model document in one canonical spelling, so that its hash names what it says and not how it was typed: no
/// whitespace, object members sorted by name (ordinal), numbers in the shortest form that reads back as the same
/// double (<c>0.20</c>, <c>0.2</c> and <c>2e-1</c> alike), strings escaped one way. The top-level <c>$schema</c> is an
/// editor's hint and is left out.
/// </summary>
internal static class CanonicalJson
{
    public static byte[] Of(JsonElement document)
    {
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, document, topLevel: true);
        }
        return output.ToArray();
    }

    /// <summary>Lowercase hex SHA-256 of <see cref="Of"/>.</summary>
    public static string Sha256(JsonElement document) => Convert.ToHexStringLower(SHA256.HashData(Of(document)));

    private static void Write(Utf8JsonWriter writer, JsonElement element, bool topLevel)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().Where(p => !(topLevel && p.Name == "$schema")).OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value, topLevel: false);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item, topLevel: false);
                }
                writer.WriteEndArray();
                break;
            case JsonValueKind.Number:
                writer.WriteRawValue(element.GetDouble().ToString("R", CultureInfo.InvariantCulture));
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
