using MathNet.Numerics.Statistics;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>The laws of SPEC section 4, checked on 4,000 user-days against sampling error.</summary>
public sealed class SimulationLawTests(ITestOutputHelper output)
{
    [Fact]
    public void LongSessions_FourThousandUserDays_FollowTwoEightFortyFiftyPercent()
    {
        double[] p = [0.08, 0.40, 0.50, 0.02];
        var observed = new long[4];
        foreach (var day in SimulationSample.UserDays)
        {
            observed[day.Draws.LongSessions]++;
        }

        var chi2 = SamplingBounds.ChiSquare(observed, p);
        output.WriteLine($"long sessions 0/1/2/3: {string.Join('/', observed)}; chi² = {chi2:F2}, critical {SamplingBounds.ChiSquareCritical(3):F2}");

        Assert.True(chi2 < SamplingBounds.ChiSquareCritical(3), $"chi² = {chi2:F2} for {string.Join('/', observed)}");
    }

    [Fact]
    public void ShortSessions_FourThousandUserDays_MeanIsExpectedFlooredNormal()
    {
        var counts = SimulationSample.UserDays.Select(d => (double)d.Draws.ShortSessions).ToArray();
        var expected = SamplingBounds.ExpectedFlooredNormal(5, 1);

        AssertMeanNear(counts, expected);
    }

    [Fact]
    public void PlaysPerUserDay_FourThousandUserDays_MeanIsAnalyticExpectation()
    {
        // E[long sessions] × E[⌊N(10,2)⌋⁺] + E[short sessions] × E[⌊N(5,1)⌋⁺], with E[short sessions] = E[⌊N(5,1)⌋⁺].
        var expectedLong = 3 * 0.02 + 1 * 0.40 + 2 * 0.50;
        var shortMean = SamplingBounds.ExpectedFlooredNormal(5, 1);
        var expected = expectedLong * SamplingBounds.ExpectedFlooredNormal(10, 2) + shortMean * shortMean;
        var plays = SimulationSample.UserDays.Select(d => (double)d.Draws.PlannedPlays).ToArray();

        AssertMeanNear(plays, expected);
        Assert.InRange(expected, 33.5, 34.5);
    }

    [Fact]
    public void SkipShare_AllPlays_IsOneThird()
    {
        long plays = SimulationSample.UserDays.Sum(d => d.Draws.PlannedPlays);
        long skips = SimulationSample.UserDays.Sum(d => d.Draws.PlannedSkips);
        var share = (double)skips / plays;
        var standardError = Math.Sqrt(1.0 / 3 * 2.0 / 3 / plays);
        output.WriteLine($"skip share {share:F4} over {plays} plays, expected 0.3333 ± {SamplingBounds.StandardErrors * standardError:F4}");

        Assert.True(Math.Abs(share - 1.0 / 3) < SamplingBounds.StandardErrors * standardError, $"skip share {share:F4} over {plays} plays");
    }

    [Fact]
    public void CutShortShare_EmittedEvents_IsOneThirdTimesOneMinusInverseE()
    {
        // A skipped play lasts min(⌊Exp(mean d)⌋, d), which is below d with probability 1 − e⁻¹.
        var catalog = SimulationSample.Catalog;
        var events = SimulationSample.UserDays.SelectMany(d => d.Events).ToArray();
        var cut = events.Count(e => e.ListeningTimeMs < catalog.DurationMs(e.TrackIndex));
        var expected = (1 - Math.Exp(-1)) / 3;
        var share = (double)cut / events.Length;
        var standardError = Math.Sqrt(expected * (1 - expected) / events.Length);
        output.WriteLine($"cut-short share {share:F4} over {events.Length} events, expected {expected:F4} ± {SamplingBounds.StandardErrors * standardError:F4}");

        Assert.True(Math.Abs(share - expected) < SamplingBounds.StandardErrors * standardError, $"cut-short share {share:F4}, expected {expected:F4}");
    }

    [Fact]
    public void Outcome_EveryUserDay_AgreesWithEmittedEvents()
    {
        foreach (var day in SimulationSample.UserDays)
        {
            Assert.Equal(day.Events.Count, day.Outcome.Plays);
            Assert.Equal(day.Events.Sum(e => e.ListeningTimeMs), day.Outcome.ListeningTimeMs);
            Assert.Equal(day.Events.Select(e => e.SessionId).Distinct().Count(), day.Outcome.Sessions);
            Assert.True(day.Outcome.Plays <= day.Draws.PlannedPlays);
            Assert.Equal(0, day.Outcome.TruncatedPlays);
        }
    }

    private void AssertMeanNear(double[] values, double expected)
    {
        var mean = values.Mean();
        var standardError = values.StandardDeviation() / Math.Sqrt(values.Length);
        output.WriteLine($"mean {mean:F3} over {values.Length} user-days, expected {expected:F4} ± {SamplingBounds.StandardErrors * standardError:F3}");
        Assert.True(Math.Abs(mean - expected) < SamplingBounds.StandardErrors * standardError,
            $"mean {mean:F3}, expected {expected:F3}, standard error {standardError:F3}");
    }
}
