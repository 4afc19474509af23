using System.Text.Json;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.Statistics;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>
/// The realistic preset on 2,000 users × 365 days (<see cref="RealisticSample"/>): the rhythm, the countries, the
/// volumes and the local days, each against what the model document says, at the 1% level or 4 standard errors.
/// </summary>
public sealed class RealisticModelTests(ITestOutputHelper output)
{
    private const double Alpha = 0.01;
    private const long HourMs = 3_600_000;

    [Fact]
    public void SessionStartHours_Weekdays_MatchTheWeekdayCurveShiftedByEachChronotype()
    {
        AssertMatchesCurve(y => y.WeekdayStarts, RealisticSample.Model.Document.Rhythm!.Weekday, "weekday");
    }

    [Fact]
    public void SessionStartHours_Weekends_MatchTheWeekendCurveShiftedByEachChronotype()
    {
        AssertMatchesCurve(y => y.WeekendStarts, RealisticSample.Model.Document.Rhythm!.Weekend, "weekend");
    }

    [Fact]
    public void SessionStartHours_WeekdaysAndWeekends_Differ()
    {
        var weekday = Sum(y => y.WeekdayStarts);
        var weekend = Sum(y => y.WeekendStarts);

        // Pearson's test of homogeneity of the two 24-hour histograms.
        double total = weekday.Sum() + weekend.Sum(), chi2 = 0;
        for (var h = 0; h < 24; h++)
        {
            var column = weekday[h] + weekend[h];
            foreach (var (row, rowTotal) in new[] { (weekday[h], weekday.Sum()), (weekend[h], weekend.Sum()) })
            {
                var expected = rowTotal * column / total;
                chi2 += Math.Pow(row - expected, 2) / expected;
            }
        }
        var critical = ChiSquared.InvCDF(23, 1 - Alpha);
        output.WriteLine($"weekday vs weekend: chi² = {chi2:F0} (critical {critical:F1}); 7-9 h share {Share(weekday, 7, 9):P1} vs {Share(weekend, 7, 9):P1}, 10-12 h {Share(weekday, 10, 12):P1} vs {Share(weekend, 10, 12):P1}");

        Assert.True(chi2 > critical, $"chi² = {chi2:F1}");
        // And in the direction the curves say: weekend mornings start later.
        Assert.True(Share(weekday, 7, 9) > Share(weekend, 7, 9));
    }

    [Fact]
    public void Chronotypes_OverManyUsers_AreNormalWithTheModelsSpread()
    {
        var sdMs = RealisticSample.Model.Document.Rhythm!.ChronotypeSdHours * HourMs;
        const int n = 20_000;
        var shifts = Enumerable.Range(0, n).Select(u => (double)ListenerTraits.Draw(RealisticSample.Seed, u, RealisticSample.Model).ChronotypeShiftMs).ToArray();

        // Deciles of N(0, sd): each should hold a tenth of the users.
        var counts = new long[10];
        foreach (var s in shifts)
        {
            counts[Math.Min(9, (int)(Normal.CDF(0, sdMs, s) * 10))]++;
        }
        var chi2 = SamplingBounds.ChiSquare(counts, Enumerable.Repeat(0.1, 10).ToArray());
        output.WriteLine($"chronotype shifts: mean {shifts.Mean() / HourMs:F3} h, sd {shifts.StandardDeviation() / HourMs:F3} h (model {sdMs / HourMs} h); deciles chi² = {chi2:F1}");

        Assert.True(chi2 < ChiSquared.InvCDF(9, 1 - Alpha), $"chi² = {chi2:F1}");
    }

    [Fact]
    public void Countries_ShareOfUsers_MatchTheModelsRegionsAndWeights()
    {
        var expected = ExpectedCountryShares();
        const int n = 20_000;
        var generator = new UserGenerator(RealisticSample.Seed, RealisticSample.Start, RealisticSample.Model);
        var observed = Enumerable.Range(0, n).Select(u => generator.Create(u).Location).GroupBy(c => c).ToDictionary(g => g.Key, g => (long)g.Count());

        Assert.Empty(observed.Keys.Except(expected.Keys));
        var names = expected.Keys.ToArray();
        var chi2 = SamplingBounds.ChiSquare(names.Select(c => observed.GetValueOrDefault(c)).ToArray(), names.Select(c => expected[c]).ToArray());
        var critical = ChiSquared.InvCDF(names.Length - 1, 1 - Alpha);
        output.WriteLine($"{names.Length} countries over {n} users: chi² = {chi2:F1} (critical {critical:F1}); United States {observed["United States"]} (expected {expected["United States"] * n:F0}), India {observed["India"]} (expected {expected["India"] * n:F0})");

        Assert.True(expected.Values.Min() * n >= 5, "every country expects at least 5 users, as the test needs");
        Assert.True(chi2 < critical, $"chi² = {chi2:F1}");
    }

    [Fact]
    public void TimeZones_OfEachUser_AreOfTheirCountryAndSplitByTheModelsWeights()
    {
        var population = RealisticSample.Model.Document.Population!;
        var zonesOf = population.Regions.SelectMany(r => r.Countries).ToDictionary(c => c.Country, c => c.TimeZones);
        const int n = 20_000;
        var generator = new UserGenerator(RealisticSample.Seed, RealisticSample.Start, RealisticSample.Model);
        var users = Enumerable.Range(0, n).Select(u => generator.Create(u)).ToArray();

        Assert.All(users, u => Assert.Contains(u.TimeZone, zonesOf[u.Location].Select(z => z.Zone)));
        foreach (var country in new[] { "United States", "Brazil", "Australia", "Canada" })
        {
            var zones = zonesOf[country];
            var total = zones.Sum(z => z.Weight);
            var observed = zones.Select(z => (long)users.Count(u => u.TimeZone == z.Zone)).ToArray();
            var chi2 = SamplingBounds.ChiSquare(observed, zones.Select(z => z.Weight / total).ToArray());
            var critical = ChiSquared.InvCDF(zones.Count - 1, 1 - Alpha);
            output.WriteLine($"{country}: {string.Join(", ", zones.Select((z, i) => $"{z.Zone} {observed[i]}"))}; chi² = {chi2:F1} (critical {critical:F1})");
            Assert.True(chi2 < critical, $"{country}: chi² = {chi2:F1}");
        }
    }

    [Fact]
    public void PlaysPerUserDay_Mean_IsWithinFivePercentOfTheReferencePresets()
    {
        var plays = RealisticSample.Years.Sum(y => y.Plays);
        var mean = (double)plays / (RealisticSample.Users * RealisticSample.Days);
        var reference = RealisticSample.ReferencePlaysPerUserDay;
        output.WriteLine($"realistic {mean:F2} plays per user-day, reference {reference:F2}: {mean / reference - 1:+0.0%;-0.0%}");

        Assert.InRange(mean / reference, 0.95, 1.05);
    }

    [Fact]
    public void YearlyMinutes_NinetiethPercentile_IsAtLeastThreeTimesTheTenth()
    {
        var minutes = RealisticSample.Years.Select(y => y.ListeningMs / 60_000.0).ToArray();
        var p10 = minutes.Quantile(0.10);
        var p90 = minutes.Quantile(0.90);
        output.WriteLine($"yearly minutes: 10th percentile {p10:F0}, median {minutes.Median():F0}, 90th {p90:F0}: ratio {p90 / p10:F2}");

        Assert.True(p90 >= 3 * p10, $"90th percentile {p90:F0} minutes, 10th {p10:F0}");
    }

    [Fact]
    public void IdleDays_Share_IsTheModelsIdleProbabilityAtEachUsersActivity()
    {
        var q = RealisticSample.Model.Document.Activity!.IdleDayProbability;
        var perUser = RealisticSample.Years.Select(y => Math.Pow(q, ListenerTraits.Draw(RealisticSample.Seed, y.User.UserId, RealisticSample.Model).Activity)).ToArray();
        double days = RealisticSample.Users * RealisticSample.Days;
        var observed = RealisticSample.Years.Sum(y => y.IdleDays) / days;
        var expected = perUser.Average();
        var standardError = Math.Sqrt(perUser.Sum(p => p * (1 - p) * RealisticSample.Days)) / days;
        output.WriteLine($"idle user-days {observed:P2}, expected {expected:P2} ± {SamplingBounds.StandardErrors * standardError:P2}");

        Assert.True(Math.Abs(observed - expected) < SamplingBounds.StandardErrors * standardError, $"idle share {observed:P2}, expected {expected:P2}");
        Assert.True(observed > 0.05);
    }

    [Fact]
    public void Activity_OverManyUsers_HasMeanOne()
    {
        const int n = 20_000;
        var activity = Enumerable.Range(0, n).Select(u => ListenerTraits.Draw(RealisticSample.Seed, u, RealisticSample.Model).Activity).ToArray();
        var sigma = RealisticSample.Model.Document.Activity!.LognormalSigma;
        var standardError = Math.Sqrt(Math.Exp(sigma * sigma) - 1) / Math.Sqrt(n);
        output.WriteLine($"activity: mean {activity.Mean():F4} ± {SamplingBounds.StandardErrors * standardError:F4}, median {activity.Median():F3} (log-normal: {Math.Exp(-sigma * sigma / 2):F3})");

        Assert.True(Math.Abs(activity.Mean() - 1) < SamplingBounds.StandardErrors * standardError);
    }

    [Fact]
    public void Events_Every_FallInsideItsListenersLocalDayAndNoneOverlap()
    {
        var years = RealisticSample.Years;
        output.WriteLine($"{years.Sum(y => y.Plays)} events; {years.Sum(y => y.EventsOnDaysClocksChanged)} on 23- or 25-hour days, {years.Sum(y => y.EventsOnAnotherUtcDate)} on another UTC date than their local one");

        Assert.Equal(0, years.Sum(y => y.EventsOutsideLocalDay));
        Assert.Equal(0, years.Sum(y => y.OverlappingEvents));
        // Not vacuous: days of 23 and 25 hours were simulated, and local days are not UTC days.
        Assert.True(years.Sum(y => y.EventsOnDaysClocksChanged) > 1000);
        Assert.True(years.Sum(y => y.EventsOnAnotherUtcDate) > years.Sum(y => y.Plays) / 10);
    }

    /// <summary>
    /// Pearson's chi-square of the pooled start-hour histogram against its expectation given each user's chronotype and
    /// number of sessions (both drawn independently of the hours): Σ over users of n_u × p_h(shift_u), where p_h(s) is
    /// the curve shifted by s, computed here from the weights. (Pooling users with the population's N(0, sd) instead
    /// would add the spread of 2,000 users' shifts, which the multinomial error does not cover.)
    /// </summary>
    private void AssertMatchesCurve(Func<UserYear, long[]> starts, IReadOnlyList<double> weights, string what)
    {
        var expected = new double[24];
        foreach (var year in RealisticSample.Years)
        {
            var n = starts(year).Sum();
            var shiftMs = ListenerTraits.Draw(RealisticSample.Seed, year.User.UserId, RealisticSample.Model).ChronotypeShiftMs;
            var shifted = ShiftedCurve(weights, shiftMs / (double)HourMs);
            for (var h = 0; h < 24; h++) expected[h] += n * shifted[h];
        }
        var observed = Sum(starts);
        var chi2 = observed.Select((o, h) => Math.Pow(o - expected[h], 2) / expected[h]).Sum();
        var critical = ChiSquared.InvCDF(23, 1 - Alpha);
        output.WriteLine($"{what}: {observed.Sum()} sessions; chi² = {chi2:F1} (critical at 1%: {critical:F1})");
        output.WriteLine("hour observed/expected: " + string.Join(" ", observed.Select((o, h) => $"{h}:{o / expected[h]:F3}")));

        Assert.True(chi2 < critical, $"{what}: chi² = {chi2:F1}");
    }

    /// <summary>
    /// The start-hour probabilities of the curve moved later by <paramref name="shiftHours"/>: a start uniform within hour k
    /// lands in hour h for the part of [k + s, k + s + 1) that overlaps [h, h + 1), around the clock.
    /// </summary>
    private static double[] ShiftedCurve(IReadOnlyList<double> weights, double shiftHours)
    {
        var total = weights.Sum();
        var whole = (int)Math.Floor(shiftHours);
        var fraction = shiftHours - whole;
        var p = new double[24];
        for (var k = 0; k < 24; k++)
        {
            var h = ((k + whole) % 24 + 24) % 24;
            p[h] += (1 - fraction) * weights[k] / total;
            p[(h + 1) % 24] += fraction * weights[k] / total;
        }
        return p;
    }

    /// <summary>Each country's share, read from the preset file itself: its region's share of all regions times its weight in the region.</summary>
    private static Dictionary<string, double> ExpectedCountryShares()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Model.ModelDocuments.PresetPath("realistic")));
        var regions = document.RootElement.GetProperty("population").GetProperty("regions").EnumerateArray().ToArray();
        var totalShare = regions.Sum(r => r.GetProperty("share").GetDouble());
        var shares = new Dictionary<string, double>();
        foreach (var region in regions)
        {
            var countries = region.GetProperty("countries").EnumerateArray().ToArray();
            var regionWeight = countries.Sum(c => c.GetProperty("weight").GetDouble());
            foreach (var country in countries)
            {
                shares.Add(country.GetProperty("country").GetString()!, region.GetProperty("share").GetDouble() / totalShare * country.GetProperty("weight").GetDouble() / regionWeight);
            }
        }
        return shares;
    }

    private static long[] Sum(Func<UserYear, long[]> starts)
    {
        var sum = new long[24];
        foreach (var year in RealisticSample.Years)
        {
            var s = starts(year);
            for (var h = 0; h < 24; h++) sum[h] += s[h];
        }
        return sum;
    }

    private static double Share(long[] hours, int from, int to) => hours[from..(to + 1)].Sum() / (double)hours.Sum();
}
