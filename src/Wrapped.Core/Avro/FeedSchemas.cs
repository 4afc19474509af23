using System.Reflection;
using Wrapped.Core.Simulation.Model;

namespace Wrapped.Core.Avro;

/// <summary>The feed's schemas, loaded once from the .avsc files embedded in this assembly.</summary>
public static class FeedSchemas
{
    private const string ResourcePrefix = "Wrapped.Core.Avro.Schemas.";

    public static FeedSchema Track { get; } = Load("Track");
    public static FeedSchema Artist { get; } = Load("Artist");
    /// <summary>The users file's schema, with each user's <c>time_zone</c> last.</summary>
    public static FeedSchema User { get; } = Load("User");

    /// <summary>
    /// The users file's schema before time zones, byte for byte: what models without a population (the reference) still
    /// write, so that their users files stay what they were. Read such files with <see cref="User"/>: the zone is UTC.
    /// </summary>
    public static FeedSchema UserWithoutTimeZone { get; } = Load("UserWithoutTimeZone");
    public static FeedSchema Event { get; } = Load("ListeningEvent");
    public static FeedSchema UserState { get; } = Load("UserState");
    public static FeedSchema Wrapped { get; } = Load("WrappedSummary");

    /// <summary>Every schema, in a fixed order (the manifest lists fingerprints in this order).</summary>
    public static IReadOnlyList<FeedSchema> All { get; } = [Track, Artist, User, Event, UserState, Wrapped];

    /// <summary>The schemas a run of <paramref name="model"/> writes, in the order of <see cref="All"/>: its users schema is the one <see cref="UserRecordCodec.FormatFor"/> picks.</summary>
    public static IReadOnlyList<FeedSchema> AllFor(ListeningModel model) =>
        [.. All.Select(s => ReferenceEquals(s, User) ? UserRecordCodec.FormatFor(model).Schema : s)];

    private static FeedSchema Load(string file)
    {
        string resource = ResourcePrefix + file + ".avsc";
        using Stream stream = typeof(FeedSchemas).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The schema resource '{resource}' is missing from {typeof(FeedSchemas).Assembly.GetName().Name}; check the EmbeddedResource item of the csproj.");
        using var reader = new StreamReader(stream);
        return FeedSchema.FromJson(reader.ReadToEnd());
    }
}
