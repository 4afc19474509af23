using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Simulation.Model;

/// <summary>
/// A model document compiled for the hot path: cut points, alias tables and per-personality odds computed once, so a
/// simulated day reads numbers and never interprets the document.
/// </summary>
internal sealed class ListeningLaws
{
    public ListeningLaws(ListeningModelDocument document)
    {
        var sessions = document.Sessions;
        LongCounts = sessions.Long.Count.Select(c => c.Sessions).ToArray();
        LongCountChoice = new WeightedChoice(sessions.Long.Count.Select(c => c.Weight).ToArray());
        LongTracks = sessions.Long.Tracks;
        ShortCount = sessions.Short.Count;
        ShortTracks = sessions.Short.Tracks;
        Odds = ListeningOdds.AllFor(document.TrackChoice);
        MeanIndexPerSize = 1.0 / document.TrackChoice.NewnessRate;
        SkipProbability = document.Skips.Probability;
        SkippedMeanShare = document.Skips.MeanListenedShare;

        if (document.Population is { } population)
        {
            Countries = CountryLaws(population);
            CountryChoice = new WeightedChoice(Countries.Select(c => c.Probability).ToArray());
        }
        if (document.Activity is { } activity)
        {
            ActivitySigma = activity.LognormalSigma;
            IdleDayProbability = activity.IdleDayProbability;
        }
        if (document.Rhythm is { } rhythm)
        {
            Weekday = new HourCurve(rhythm.Weekday);
            Weekend = new HourCurve(rhythm.Weekend);
            ChronotypeSdMs = rhythm.ChronotypeSdHours * ListenerTimeZone.MsPerHour;
        }
    }

    public int[] LongCounts { get; }
    public WeightedChoice LongCountChoice { get; }
    public FlooredNormal LongTracks { get; }
    public FlooredNormal ShortCount { get; }
    public FlooredNormal ShortTracks { get; }

    /// <summary>Indexed by <see cref="ListeningOdds.IndexOf"/>.</summary>
    public ListeningOdds[] Odds { get; }

    public double MeanIndexPerSize { get; }
    public double SkipProbability { get; }
    public double SkippedMeanShare { get; }

    /// <summary>Null without a population: users get a Bogus country and UTC.</summary>
    public IReadOnlyList<CountryLaw>? Countries { get; }
    public WeightedChoice? CountryChoice { get; }

    public bool HasActivity => ActivitySigma is not null;
    public double? ActivitySigma { get; }
    public double IdleDayProbability { get; }

    /// <summary>Null without a rhythm: sessions take free hour slots at random, as in the reference.</summary>
    public HourCurve? Weekday { get; }
    public HourCurve? Weekend { get; }
    public double ChronotypeSdMs { get; }

    private static CountryLaw[] CountryLaws(PopulationLaws population)
    {
        var totalShare = population.Regions.Sum(r => r.Share);
        var countries = new List<CountryLaw>();
        foreach (var region in population.Regions)
        {
            var regionWeight = region.Countries.Sum(c => c.Weight);
            foreach (var country in region.Countries)
            {
                var zones = country.TimeZones.Select(z => z.Zone).ToArray();
                countries.Add(new CountryLaw(
                    country.Country, country.Code, region.Region,
                    region.Share / totalShare * (country.Weight / regionWeight),
                    zones, new WeightedChoice(country.TimeZones.Select(z => z.Weight).ToArray())));
            }
        }
        return [.. countries];
    }
}

/// <summary>A country users can live in: its share of all users and its time zones with their weights.</summary>
internal sealed record CountryLaw(string Name, string Code, string Region, double Probability, string[] Zones, WeightedChoice ZoneChoice);
