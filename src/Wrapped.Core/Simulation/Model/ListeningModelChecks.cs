using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Simulation.Model;

/// <summary>What the schema cannot say about a model document: its time zones exist, its countries are named once.</summary>
internal static class ListeningModelChecks
{
    public static IReadOnlyList<ModelProblem> Check(ListeningModelDocument document)
    {
        var problems = new List<ModelProblem>();
        if (document.Population is not { } population)
        {
            return problems;
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var codes = new HashSet<string>(StringComparer.Ordinal);
        for (var r = 0; r < population.Regions.Count; r++)
        {
            var countries = population.Regions[r].Countries;
            for (var c = 0; c < countries.Count; c++)
            {
                var country = countries[c];
                var path = $"$.population.regions[{r}].countries[{c}]";
                if (!names.Add(country.Country))
                {
                    problems.Add(new ModelProblem(path + ".country", $"'{country.Country}' is listed twice: a country belongs to one region, once."));
                }
                if (!codes.Add(country.Code))
                {
                    problems.Add(new ModelProblem(path + ".code", $"'{country.Code}' is listed twice."));
                }
                for (var z = 0; z < country.TimeZones.Count; z++)
                {
                    var zone = country.TimeZones[z].Zone;
                    if (ZoneProblem(zone) is { } reason)
                    {
                        problems.Add(new ModelProblem($"{path}.timeZones[{z}].zone", reason));
                    }
                }
            }
        }
        return problems;
    }

    /// <summary>Why <paramref name="zone"/> cannot be a listener's zone, or null; builds its tables, so a run cannot fail on it later.</summary>
    private static string? ZoneProblem(string zone)
    {
        if (!ListenerTimeZone.Exists(zone))
        {
            return $"'{zone}' is not a time zone of the embedded TZDB {ListenerTimeZone.DatabaseVersion} (expected an IANA id such as Europe/Paris).";
        }
        try
        {
            ListenerTimeZone.Get(zone);
            return null;
        }
        catch (NotSupportedException e)
        {
            return e.Message;
        }
    }
}
