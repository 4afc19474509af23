using MathNet.Numerics.Statistics;
using Wrapped.Core.Tests.Simulation;
using Wrapped.Core.Users;
using Xunit.Abstractions;

namespace Wrapped.Core.Tests.Users;

public sealed class UserGeneratorTests(ITestOutputHelper output)
{
    private const long Seed = 99;
    private const int N = 2000;
    private static readonly DateOnly Start = new(2026, 1, 1);

    [Fact]
    public void Create_SameSeedInOneGoOrInPartsOrReversed_GivesSameUsers()
    {
        var oneGo = Enumerable.Range(0, 1000).Select(i => new UserGenerator(Seed, Start).Create(i)).ToArray();
        var shared = new UserGenerator(Seed, Start);
        var parts = Enumerable.Range(500, 500).Select(i => shared.Create(i))
            .Concat(Enumerable.Range(0, 500).Reverse().Select(i => shared.Create(i)))
            .OrderBy(u => u.UserId);

        Assert.Equal(oneGo, parts);
    }

    [Fact]
    public void Create_InParallel_GivesSameUsersAsSequentially()
    {
        var generator = new UserGenerator(Seed, Start);
        var parallel = new UserProfile[N];
        Parallel.For(0, N, i => parallel[i] = generator.Create(i));

        Assert.Equal(Enumerable.Range(0, N).Select(i => generator.Create(i)), parallel);
    }

    [Fact]
    public void Create_DifferentUsers_Differ()
    {
        var generator = new UserGenerator(Seed, Start);
        var users = Enumerable.Range(0, N).Select(i => generator.Create(i)).ToArray();

        Assert.Equal(N, users.Select(u => (u.Username, u.Location, u.Birthdate, u.Gender, u.Personality)).Distinct().Count());
        Assert.True(users.Select(u => u.Username).Distinct().Count() > N * 0.9);
        Assert.True(users.Select(u => u.Location).Distinct().Count() > 100);
        Assert.All(users, u => Assert.False(string.IsNullOrWhiteSpace(u.Username)));
    }

    [Fact]
    public void Create_DifferentSeed_GivesDifferentUsers()
    {
        var a = new UserGenerator(Seed, Start).Create(1);
        var b = new UserGenerator(Seed + 1, Start).Create(1);

        Assert.NotEqual(a, b);
    }

    [Theory]
    [InlineData(2026, 1, 1)]
    [InlineData(2028, 2, 29)]
    [InlineData(2100, 6, 15)]
    public void Create_AnyStart_AgesAreThirteenToNinety(int year, int month, int day)
    {
        var start = new DateOnly(year, month, day);
        var generator = new UserGenerator(Seed, start);

        var ages = Enumerable.Range(0, N).Select(i => BirthdateLaw.AgeOn(generator.Create(i).Birthdate, start)).ToArray();

        output.WriteLine($"ages at {start}: {ages.Min()}–{ages.Max()}, {ages.Count(a => a == BirthdateLaw.MinAge)} aged {BirthdateLaw.MinAge}, {ages.Count(a => a == BirthdateLaw.MaxAge)} aged {BirthdateLaw.MaxAge}");
        Assert.All(ages, a => Assert.InRange(a, BirthdateLaw.MinAge, BirthdateLaw.MaxAge));
    }

    [Fact]
    public void FromStandardNormal_Extremes_ClampToAgeBounds()
    {
        var start = new DateOnly(2028, 2, 29);

        Assert.Equal(13, BirthdateLaw.AgeOn(BirthdateLaw.FromStandardNormal(10, start), start));
        Assert.Equal(14, BirthdateLaw.AgeOn(BirthdateLaw.FromStandardNormal(10, start), start.AddYears(1)));
        Assert.Equal(90, BirthdateLaw.AgeOn(BirthdateLaw.FromStandardNormal(-10, start), start));
        Assert.Equal(91, BirthdateLaw.AgeOn(BirthdateLaw.FromStandardNormal(-10, start), start.AddDays(1)));
        Assert.Equal(new DateOnly(1980, 1, 1), BirthdateLaw.FromStandardNormal(0, start));
    }

    [Fact]
    public void Create_Birthdates_CentreOn1980WithTheReferenceSpread()
    {
        // Starting in 2032 puts the 13–90 clamps at 1941 and 2019, symmetric about 1980 (±2.5 sd), so the mean
        // stays 0 and the share within one sd is untouched by clamping.
        var start = new DateOnly(2032, 1, 1);
        var generator = new UserGenerator(Seed, start);
        var offsets = Enumerable.Range(0, N).Select(i => (double)(generator.Create(i).Birthdate.DayNumber - BirthdateLaw.Center.DayNumber)).ToArray();
        var sd = BirthdateLaw.SdDays;
        var withinOneSd = offsets.Count(o => Math.Abs(o) < sd) / (double)N;
        var expectedWithin = MathNet.Numerics.Distributions.Normal.CDF(0, 1, 1) - MathNet.Numerics.Distributions.Normal.CDF(0, 1, -1);

        output.WriteLine($"mean offset {offsets.Mean():F0} days (± {SamplingBounds.StandardErrors * sd / Math.Sqrt(N):F0}); {withinOneSd:P1} within one sd of {sd:F0} days, expected {expectedWithin:P1}");
        Assert.True(Math.Abs(offsets.Mean()) < SamplingBounds.StandardErrors * sd / Math.Sqrt(N), $"mean offset {offsets.Mean():F0} days");
        Assert.True(Math.Abs(withinOneSd - expectedWithin) < SamplingBounds.StandardErrors * Math.Sqrt(expectedWithin * (1 - expectedWithin) / N),
            $"{withinOneSd:P1} within one sd ({sd:F0} days), expected {expectedWithin:P1}");
    }

    [Fact]
    public void Create_PersonalityCodesAndGenders_AreUniform()
    {
        var generator = new UserGenerator(Seed, Start);
        var users = Enumerable.Range(0, N).Select(i => generator.Create(i)).ToArray();

        var codes = users.GroupBy(u => u.Personality.Code).ToDictionary(g => g.Key, g => (long)g.Count());
        Assert.Equal(16, codes.Count);
        var chi2 = SamplingBounds.ChiSquare(codes.Values.ToArray(), Enumerable.Repeat(1.0 / 16, 16).ToArray());
        output.WriteLine($"16 codes over {N} users: chi² = {chi2:F1}, critical {SamplingBounds.ChiSquareCritical(15):F1}");
        Assert.True(chi2 < SamplingBounds.ChiSquareCritical(15), $"chi² = {chi2:F1}");

        var females = users.Count(u => u.Gender == Gender.F);
        output.WriteLine($"{females} of {N} female, expected {N / 2} ± {SamplingBounds.StandardErrors * Math.Sqrt(N / 4.0):F0}");
        Assert.True(Math.Abs(females - N / 2.0) < SamplingBounds.StandardErrors * Math.Sqrt(N / 4.0));
    }
}
