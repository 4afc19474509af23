using System.Reflection;

namespace Wrapped.Core.Avro;

/// <summary>The feed's schemas, loaded once from the .avsc files embedded in this assembly.</summary>
public static class FeedSchemas
{
    private const string ResourcePrefix = "Wrapped.Core.Avro.Schemas.";

    public static FeedSchema Track { get; } = Load("Track");
    public static FeedSchema Artist { get; } = Load("Artist");
    public static FeedSchema User { get; } = Load("User");
    public static FeedSchema Event { get; } = Load("ListeningEvent");
    public static FeedSchema UserState { get; } = Load("UserState");
    public static FeedSchema Wrapped { get; } = Load("WrappedSummary");

    /// <summary>Every schema, in a fixed order (the manifest lists fingerprints in this order).</summary>
    public static IReadOnlyList<FeedSchema> All { get; } = [Track, Artist, User, Event, UserState, Wrapped];

    private static FeedSchema Load(string file)
    {
        string resource = ResourcePrefix + file + ".avsc";
        using Stream stream = typeof(FeedSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The schema resource '{resource}' is missing from {typeof(FeedSchemas).Assembly.GetName().Name}; check the EmbeddedResource item of the csproj.");
        using var reader = new StreamReader(stream);
        return FeedSchema.FromJson(reader.ReadToEnd());
    }
}
