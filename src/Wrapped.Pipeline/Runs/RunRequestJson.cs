using System.Text.Json;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// Reads a run request sent as JSON (the body of <c>POST /api/runs</c>, a <c>run.json</c>) strictly: a property that is
/// not one of <see cref="RunRequestOverrides"/>'s is refused by name, never ignored, since a typo would otherwise fall
/// back to a default without a word; a value of the wrong type is refused naming its property.
/// </summary>
public static class RunRequestJson
{
    /// <summary>A request is a handful of short values; anything larger is not one.</summary>
    private const int MaxBytes = 64 * 1024;

    /// <summary>The JSON names of the properties a request may have, as <see cref="FeedJson"/> writes them.</summary>
    public static IReadOnlyList<string> PropertyNames { get; } = typeof(RunRequestOverrides).GetProperties()
        .Where(p => p.CanWrite)
        .Select(p => FeedJson.Options.PropertyNamingPolicy!.ConvertName(p.Name))
        .ToList();

    /// <param name="source">What the message calls the JSON: "the body", "upload/run.json".</param>
    /// <exception cref="FeedInputException">The JSON is not a valid run request; the message names <paramref name="source"/> and the property.</exception>
    public static async Task<RunRequestOverrides> ReadAsync(Stream json, string source, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await json.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBytes) throw new FeedInputException($"{source} is over {MaxBytes / 1024} KiB: not a run request.");
            buffer.Write(chunk, 0, read);
        }
        return Parse(buffer.ToArray(), source);
    }

    /// <exception cref="FeedInputException">The JSON is not a valid run request.</exception>
    public static RunRequestOverrides Parse(ReadOnlySpan<byte> json, string source)
    {
        if (json.Trim(" \t\r\n"u8).IsEmpty) throw new FeedInputException($"{source} is empty: send a JSON object such as {{\"dataset\": \"…\"}}.");
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json.ToArray());
        }
        catch (JsonException e)
        {
            throw new FeedInputException($"{source} is not valid JSON: {Where(e)}.", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                throw new FeedInputException($"{source} must be a JSON object, not {document.RootElement.ValueKind.ToString().ToLowerInvariant()}.");
            var unknown = document.RootElement.EnumerateObject()
                .Select(p => p.Name)
                .Where(name => !PropertyNames.Contains(name, StringComparer.OrdinalIgnoreCase))
                .ToList();
            if (unknown.Count > 0)
            {
                throw new FeedInputException(
                    $"{source} has unknown propert{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown.Select(n => $"'{n}'"))}; " +
                    $"a run request may set {string.Join(", ", PropertyNames)}.");
            }
            try
            {
                return document.RootElement.Deserialize<RunRequestOverrides>(FeedJson.Options) ?? new RunRequestOverrides();
            }
            catch (JsonException e)
            {
                throw new FeedInputException($"{source}: {Describe(e)}.", e);
            }
        }
    }

    /// <summary>Which property holds what kind of value, from the exception's JSON path, without .NET type names.</summary>
    private static string Describe(JsonException exception)
    {
        var property = exception.Path is { Length: > 2 } path && path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : null;
        var match = property is null ? null : typeof(RunRequestOverrides).GetProperties()
            .FirstOrDefault(p => string.Equals(p.Name, property, StringComparison.OrdinalIgnoreCase));
        if (match is not null)
        {
            var type = Nullable.GetUnderlyingType(match.PropertyType) ?? match.PropertyType;
            var expected = type == typeof(int) ? "a whole number (at most 2,147,483,647)"
                : type == typeof(long) ? "a whole number"
                : type == typeof(DateOnly) ? "a date written \"yyyy-MM-dd\""
                : type == typeof(bool) ? "true or false"
                : "a string";
            return $"'{property}' must be {expected}";
        }
        return Where(exception);
    }

    private static string Where(JsonException exception) => exception.LineNumber is { } line
        ? $"line {line + 1}, byte {exception.BytePositionInLine + 1}"
        : "it cannot be read";
}
