using System.Text.Json.Serialization;

namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// A listening model as its JSON document states it (<c>listening-model.schema.json</c> documents every field). The
/// <c>reference</c> preset holds SPEC section 4's numbers; the optional sections add what the <c>realistic</c> preset
/// adds: where listeners live, how much each listens, and when in their day.
/// </summary>
public sealed record ListeningModelDocument(
    int Version,
    string Name,
    SessionLaws Sessions,
    TrackChoiceLaws TrackChoice,
    SkipLaws Skips,
    string? Description = null,
    PopulationLaws? Population = null,
    ActivityLaws? Activity = null,
    RhythmLaws? Rhythm = null)
{
    /// <summary>An editor's hint (the schema's location); not part of the model or its hash.</summary>
    [JsonPropertyName("$schema")]
    public string? Schema { get; init; }
}

public sealed record SessionLaws(LongSessionLaws Long, ShortSessionLaws Short);

/// <summary>Long sessions: their number a day from a table of weights, their tracks ⌊N(mean, sd)⌋ (never below 0).</summary>
public sealed record LongSessionLaws(IReadOnlyList<SessionCountWeight> Count, FlooredNormal Tracks);

/// <summary>Short sessions: their number a day and their tracks, each ⌊N(mean, sd)⌋ (never below 0).</summary>
public sealed record ShortSessionLaws(FlooredNormal Count, FlooredNormal Tracks);

/// <summary>One outcome of the long-session count. Outcomes are drawn by cutting one uniform in the document's order.</summary>
public sealed record SessionCountWeight(int Sessions, double Weight);

/// <summary>⌊N(mean, sd)⌋, and 0 when that is negative.</summary>
public sealed record FlooredNormal(double Mean, double Sd);

public sealed record TrackChoiceLaws(
    LoyaltyOdds Replay,
    LoyaltyOdds PreviousArtist,
    FamiliarityOdds HeardArtists,
    double NewnessRate,
    double PreferenceKept);

/// <summary>A probability for the Loyalty (L) and the Variety (V) letter.</summary>
public sealed record LoyaltyOdds([property: JsonPropertyName("L")] double L, [property: JsonPropertyName("V")] double V);

/// <summary>A probability for the Familiarity (F) and the Exploration (E) letter.</summary>
public sealed record FamiliarityOdds([property: JsonPropertyName("F")] double F, [property: JsonPropertyName("E")] double E);

public sealed record SkipLaws(double Probability, double MeanListenedShare);

/// <summary>Where listeners live: regions with their share of the audience, spread over countries, each over its time zones.</summary>
public sealed record PopulationLaws(IReadOnlyList<RegionWeight> Regions, IReadOnlyList<string>? Sources = null);

public sealed record RegionWeight(string Region, double Share, IReadOnlyList<CountryWeight> Countries, string? Notes = null);

public sealed record CountryWeight(string Country, string Code, double Weight, IReadOnlyList<TimeZoneWeight> TimeZones);

public sealed record TimeZoneWeight(string Zone, double Weight);

/// <summary>Light and heavy listeners: a per-user activity level, log-normal with mean 1, and days without listening.</summary>
public sealed record ActivityLaws(double LognormalSigma, double IdleDayProbability, IReadOnlyList<string>? Sources = null);

/// <summary>When sessions start: a weight per local hour on weekdays and on weekends, shifted per user by a chronotype.</summary>
public sealed record RhythmLaws(IReadOnlyList<double> Weekday, IReadOnlyList<double> Weekend, double ChronotypeSdHours, IReadOnlyList<string>? Sources = null);
