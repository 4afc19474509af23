using Wrapped.Core.Randomness;
using Bogus;
using Bogus.DataSets;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;

namespace Wrapped.Core.Users;

/// <summary>
/// Fake listeners (SPEC section 3). Each user is drawn from its own Bogus randomizer seeded from
/// (seed, user id), so users 0..n−1 are the same whether generated in one go, in batches or in any order. A model with
/// a population replaces Bogus's country with one drawn from it, and gives the user a time zone
/// (<see cref="ListenerTraits"/>); everything else about a user is the same under every model.
/// </summary>
/// <remarks>
/// Only the two Bogus data sets needed are built per user, on the user's own randomizer: a whole
/// <see cref="Faker"/> builds every data set (milliseconds a user, measured), the two take tens of µs; a shared one would
/// make each user depend on every draw made before it. Thread-safe: <see cref="Create"/> keeps no state
/// between calls.
/// </remarks>
public sealed class UserGenerator(long seed, DateOnly simulationStart, ListeningModel model)
{
    /// <summary>Users of the reference model: a Bogus country, and UTC.</summary>
    public UserGenerator(long seed, DateOnly simulationStart)
        : this(seed, simulationStart, ListeningModel.Reference)
    {
    }

    // The date slot of the stream derivation for users; simulation streams use day numbers (≥ 0) and -1, listener traits -3.
    private const long UserStreamTag = -2;
    private const string Locale = "en";

    public UserProfile Create(long userId)
    {
        var random = new SeededRandomizer(SplitMix64.Derive(seed, userId, UserStreamTag));
        var username = new Internet(Locale) { Random = random }.UserName();
        // Drawn under every model, so that the draws after it, and so the user, stay the same.
        var location = new Address(Locale) { Random = random }.Country();
        var gender = random.Bool() ? Gender.F : Gender.M;
        var personality = new Personality(
            Familiar: random.Bool(),
            Newness: random.Bool(),
            Loyal: random.Bool(),
            Common: random.Bool());
        var birthdate = BirthdateLaw.FromStandardNormal(StandardNormal(random), simulationStart);
        var laws = model.Laws;
        if (laws.Countries is null)
        {
            return new UserProfile(userId, username, location, birthdate, gender, personality);
        }
        var traits = ListenerTraits.Draw(seed, userId, laws);
        return new UserProfile(userId, username, laws.Countries[traits.Country].Name, birthdate, gender, personality, traits.TimeZone);
    }

    /// <summary>Box–Muller on the user's own randomizer (Bogus has no normal law).</summary>
    private static double StandardNormal(Randomizer random)
    {
        var u1 = 1.0 - random.Double();
        var u2 = random.Double();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
