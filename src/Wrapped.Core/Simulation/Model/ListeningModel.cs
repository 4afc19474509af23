using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// The listening model a run simulates with: a validated model document (<c>listening-model.schema.json</c>), its
/// canonical hash and the text to copy into the run. Two presets ship embedded: <see cref="Reference"/> (SPEC section 4
/// exactly) and <see cref="Realistic"/> (the default).
/// </summary>
/// <remarks>Immutable and thread-safe: one instance can feed every simulator of a process.</remarks>
public sealed class ListeningModel
{
    public const string ReferenceName = "reference";
    public const string RealisticName = "realistic";

    /// <summary>The preset runs use when none is named.</summary>
    public const string DefaultPresetName = RealisticName;

    private const string PresetResourcePrefix = "Wrapped.Core.Simulation.Model.Presets.";

    private static readonly JsonSerializerOptions SerializerOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    private static readonly Lazy<ListeningModel> ReferencePreset = new(() => LoadPreset(ReferenceName));
    private static readonly Lazy<ListeningModel> RealisticPreset = new(() => LoadPreset(RealisticName));

    private ListeningModel(string origin, string text, ListeningModelDocument document, string hash)
    {
        Origin = origin;
        Text = text;
        Document = document;
        Hash = hash;
        Laws = new ListeningLaws(document);
        TimeZoneIds = Laws.Countries is { } countries
            ? countries.SelectMany(c => c.Zones).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray()
            : [ListenerTimeZone.UtcId];
    }

    public static IReadOnlyList<string> PresetNames { get; } = [ReferenceName, RealisticName];

    /// <summary>SPEC section 4 exactly: today's feed, byte for byte.</summary>
    public static ListeningModel Reference => ReferencePreset.Value;

    /// <summary>Countries and time zones of Spotify's audience, a daily and weekly rhythm, light and heavy listeners.</summary>
    public static ListeningModel Realistic => RealisticPreset.Value;

    /// <summary>The published schema's text, as embedded.</summary>
    public static string SchemaText => ListeningModelSchema.Text;

    /// <summary>Where the model came from: <c>preset NAME</c>, a file path, or what the caller named the text.</summary>
    public string Origin { get; }

    /// <summary>The document's own name (its <c>name</c> field).</summary>
    public string Name => Document.Name;

    /// <summary>The document as it was given, to copy into a run as <c>_model.json</c>; parsing it again gives the same model and hash.</summary>
    public string Text { get; }

    public ListeningModelDocument Document { get; }

    /// <summary>Lowercase hex SHA-256 of the document's canonical form: the same for the same numbers, however the file is laid out.</summary>
    public string Hash { get; }

    /// <summary>Whether users get a time zone of their own (a population is given); without one they all live in UTC.</summary>
    public bool HasTimeZones => Document.Population is not null;

    /// <summary>The time zones users of this model can have, sorted; <c>UTC</c> alone when it has no population.</summary>
    public IReadOnlyList<string> TimeZoneIds { get; }

    internal ListeningLaws Laws { get; }

    public override string ToString() => $"{Name} ({Hash[..12]})";

    /// <summary>A preset by name (<see cref="PresetNames"/>).</summary>
    /// <exception cref="ListeningModelException">No preset has that name.</exception>
    public static ListeningModel Preset(string name) => name switch
    {
        ReferenceName => Reference,
        RealisticName => Realistic,
        _ => throw new ListeningModelException(name, "$", $"there is no preset '{name}' (presets: {string.Join(", ", PresetNames)})."),
    };

    /// <summary>A preset name, or else the path of a model file. Presets win: write <c>./reference</c> for a file of that name.</summary>
    /// <exception cref="ListeningModelException">No such preset or file, or the file is not a valid model; names the file, the JSON path and the reason.</exception>
    public static ListeningModel Load(string presetOrPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(presetOrPath);
        if (PresetNames.Contains(presetOrPath, StringComparer.Ordinal))
        {
            return Preset(presetOrPath);
        }
        string text;
        try
        {
            text = File.ReadAllText(presetOrPath, Encoding.UTF8);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ListeningModelException(presetOrPath, "$", $"no such file, and no preset of that name (presets: {string.Join(", ", PresetNames)}).");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ListeningModelException(presetOrPath, "$", $"cannot be read: {e.Message}");
        }
        return Parse(text, presetOrPath);
    }

    /// <summary>Reads and validates a model document.</summary>
    /// <param name="origin">What to call the text in errors and in <see cref="Origin"/>, e.g. its file or blob name.</param>
    /// <exception cref="ListeningModelException">Not JSON, or not a valid model: every problem, each with its JSON path.</exception>
    public static ListeningModel Parse(string json, string origin)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(origin);
        JsonDocument parsed;
        try
        {
            parsed = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (JsonException e)
        {
            throw new ListeningModelException(origin, "$", $"is not JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}): {FirstSentence(e.Message)}");
        }
        using (parsed)
        {
            var root = parsed.RootElement;
            var problems = ListeningModelSchema.Check(root);
            if (problems.Count > 0)
            {
                throw new ListeningModelException(origin, problems);
            }
            ListeningModelDocument document;
            try
            {
                document = root.Deserialize<ListeningModelDocument>(SerializerOptions)
                    ?? throw new ListeningModelException(origin, "$", "is null.");
            }
            catch (JsonException e)
            {
                throw new ListeningModelException(origin, e.Path ?? "$", $"cannot be read: {FirstSentence(e.Message)}");
            }
            var meaningProblems = ListeningModelChecks.Check(document);
            if (meaningProblems.Count > 0)
            {
                throw new ListeningModelException(origin, meaningProblems);
            }
            return new ListeningModel(origin, json, document, CanonicalJson.Sha256(root));
        }
    }

    /// <summary>
    /// The latest date that has ended, at <paramref name="nowUtc"/>, in every time zone of this model: the last day a
    /// run may simulate without writing events in the future (with <see cref="Reference"/>: yesterday, UTC).
    /// </summary>
    public DateOnly LatestEndedLocalDate(DateTimeOffset nowUtc)
    {
        var nowMs = nowUtc.ToUnixTimeMilliseconds();
        var zones = TimeZoneIds.Select(ListenerTimeZone.Get).ToArray();
        // A day ends at most 14 hours before it does in UTC and at most 12 after: the answer is within a day of UTC's.
        for (var date = DateOnly.FromDateTime(nowUtc.UtcDateTime); ; date = date.AddDays(-1))
        {
            if (zones.All(z => z.Day(date).EndUtcMs <= nowMs))
            {
                return date;
            }
        }
    }

    private static ListeningModel LoadPreset(string name)
    {
        var resource = PresetResourcePrefix + name + ".json";
        using var stream = typeof(ListeningModel).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The preset resource '{resource}' is missing from Wrapped.Core; check the csproj's EmbeddedResource items.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return Parse(reader.ReadToEnd(), "preset " + name);
    }

    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(". ", StringComparison.Ordinal);
        return end < 0 ? message : message[..(end + 1)];
    }
}
