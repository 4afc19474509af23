using Wrapped.Core.Randomness;
using Bogus;
using Bogus.DataSets;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Users;

/// <summary>
/// Fake listeners (SPEC section 3). Each user is drawn from its own Bogus randomizer seeded from
/// (seed, user id), so users 0..n−1 are the same whether generated in one go, in batches or in any order.
/// </summary>
/// <remarks>
/// Only the two Bogus data sets needed are built per user, on the user's own randomizer: a whole
/// <see cref="Faker"/> builds every data set (milliseconds a user, measured), the two take tens of µs; a shared one would
/// make each user depend on every draw made before it. Thread-safe: <see cref="Create"/> keeps no state
/// between calls.
/// </remarks>
public sealed class UserGenerator(long seed, DateOnly simulationStart)
{
    // The date slot of the stream derivation for users; simulation streams use day numbers (≥ 0) and -1.
    private const long UserStreamTag = -2;
    private const string Locale = "en";

    public UserProfile Create(long userId)
    {
        var random = new SeededRandomizer(SplitMix64.Derive(seed, userId, UserStreamTag));
        var username = new Internet(Locale) { Random = random }.UserName();
        var location = new Address(Locale) { Random = random }.Country();
        var gender = random.Bool() ? Gender.F : Gender.M;
        var personality = new Personality(
            Familiar: random.Bool(),
            Newness: random.Bool(),
            Loyal: random.Bool(),
            Common: random.Bool());
        var birthdate = BirthdateLaw.FromStandardNormal(StandardNormal(random), simulationStart);
        return new UserProfile(userId, username, location, birthdate, gender, personality);
    }

    /// <summary>Box–Muller on the user's own randomizer (Bogus has no normal law).</summary>
    private static double StandardNormal(Randomizer random)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
