using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wrapped.Core.Feed;

/// <summary>The one JSON style of every file the feed writes and every <c>--json</c> answer: camelCase, indented, stable.</summary>
public static class FeedJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T Deserialize<T>(ReadOnlySpan<byte> json, string what) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"{what} is empty.");

    public static async Task<T> DeserializeAsync<T>(Stream json, string what, CancellationToken cancellationToken) =>
        await JsonSerializer.DeserializeAsync<T>(json, Options, cancellationToken).ConfigureAwait(false)
        ?? throw new InvalidDataException($"{what} is empty.");
}
