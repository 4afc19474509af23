using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Wrapped.Core.Tests.Avro;

/// <summary>
/// The Avro specification's Parsing Canonical Form, written from the spec over raw JSON so that the
/// fingerprint tests do not check Apache.Avro's normaliser against itself.
/// </summary>
internal static class CanonicalForm
{
    private static readonly HashSet<string> Primitives = ["null", "boolean", "int", "long", "float", "double", "bytes", "string"];

    public static string Of(string schemaJson)
    {
        using JsonDocument document = JsonDocument.Parse(schemaJson);
        var output = new StringBuilder();
        Write(document.RootElement, enclosingNamespace: null, seen: [], output);
        return output.ToString();
    }

    public static string Sha256Hex(string schemaJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Of(schemaJson))));

    private static void Write(JsonElement schema, string? enclosingNamespace, HashSet<string> seen, StringBuilder o)
    {
        switch (schema.ValueKind)
        {
            case JsonValueKind.String:
                string name = schema.GetString()!;
                Quote(o, Primitives.Contains(name) ? name : FullName(name, enclosingNamespace));
                return;
            case JsonValueKind.Array:
                o.Append('[');
                int i = 0;
                foreach (JsonElement branch in schema.EnumerateArray())
                {
                    if (i++ > 0)
                    {
                        o.Append(',');
                    }
                    Write(branch, enclosingNamespace, seen, o);
                }
                o.Append(']');
                return;
        }

        string type = schema.GetProperty("type").GetString()!;
        if (Primitives.Contains(type))
        {
            // [PRIMITIVES] and [STRIP]: {"type":"int","logicalType":"date"} is just "int".
            Quote(o, type);
            return;
        }
        switch (type)
        {
            case "array":
                o.Append("{\"type\":\"array\",\"items\":");
                Write(schema.GetProperty("items"), enclosingNamespace, seen, o);
                o.Append('}');
                return;
            case "map":
                o.Append("{\"type\":\"map\",\"values\":");
                Write(schema.GetProperty("values"), enclosingNamespace, seen, o);
                o.Append('}');
                return;
        }

        string ownNamespace = schema.TryGetProperty("namespace", out JsonElement ns) ? ns.GetString()! : enclosingNamespace ?? "";
        string fullName = FullName(schema.GetProperty("name").GetString()!, ownNamespace);
        if (!seen.Add(fullName))
        {
            Quote(o, fullName);
            return;
        }
        string innerNamespace = fullName.Contains('.') ? fullName[..fullName.LastIndexOf('.')] : "";
        // [ORDER]: name, type, fields, symbols, items, values, size.
        o.Append("{\"name\":");
        Quote(o, fullName);
        o.Append(",\"type\":");
        Quote(o, type);
        if (type == "record")
        {
            o.Append(",\"fields\":[");
            int i = 0;
            foreach (JsonElement field in schema.GetProperty("fields").EnumerateArray())
            {
                if (i++ > 0)
                {
                    o.Append(',');
                }
                o.Append("{\"name\":");
                Quote(o, field.GetProperty("name").GetString()!);
                o.Append(",\"type\":");
                Write(field.GetProperty("type"), innerNamespace, seen, o);
                o.Append('}');
            }
            o.Append(']');
        }
        else if (type == "enum")
        {
            o.Append(",\"symbols\":[");
            o.AppendJoin(',', schema.GetProperty("symbols").EnumerateArray().Select(s => "\"" + s.GetString() + "\""));
            o.Append(']');
        }
        else if (type == "fixed")
        {
            o.Append(",\"size\":").Append(schema.GetProperty("size").GetInt32());
        }
        o.Append('}');
    }

    private static string FullName(string name, string? enclosingNamespace) =>
        name.Contains('.') || string.IsNullOrEmpty(enclosingNamespace) ? name : enclosingNamespace + "." + name;

    private static void Quote(StringBuilder o, string value) => o.Append('"').Append(value).Append('"');
}
