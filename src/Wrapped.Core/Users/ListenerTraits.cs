using Wrapped.Core.Randomness;
using Wrapped.Core.Simulation;
using Wrapped.Core.Simulation.Model;
using Wrapped.Core.TimeZones;

namespace Wrapped.Core.Users;

/// <summary>
/// What the listening model draws once per user, from the user's own stream of (seed, user id): country and time zone
/// (written to the users file), activity level and chronotype (which the simulator draws again when it needs them).
/// Each user's traits depend on nothing else, so they are the same in any batch, order or process.
/// </summary>
/// <param name="Country">The country's index in the model's population, or -1 without one.</param>
/// <param name="TimeZone">The IANA zone; <c>UTC</c> without a population.</param>
/// <param name="Activity">The activity level (mean 1 over users); 1 without an activity law.</param>
/// <param name="ChronotypeShiftMs">How much later than the model's curve this user's sessions start (negative: earlier); 0 without a rhythm.</param>
public readonly record struct ListenerTraits(int Country, string TimeZone, double Activity, long ChronotypeShiftMs)
{
    // The date slot of the stream derivation: days are ≥ 0, the initial state uses -1 and Bogus's draws -2.
    private const long TraitsStreamTag = -3;

    public static ListenerTraits Draw(long seed, long userId, ListeningModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Draw(seed, userId, model.Laws);
    }

    internal static ListenerTraits Draw(long seed, long userId, ListeningLaws laws)
    {
        var rng = new RandomStream(SplitMix64.Derive(seed, userId, TraitsStreamTag));
        // Uniform draws first, a fixed number of them, then the normals (whose ziggurat may take more than one).
        int country = -1;
        var zone = ListenerTimeZone.UtcId;
        if (laws.Countries is { } countries)
        {
            var law = countries[country = laws.CountryChoice!.Index(rng.NextDouble())];
            zone = law.Zones[law.ZoneChoice.Index(rng.NextDouble())];
        }
        var activity = 1.0;
        if (laws.ActivitySigma is { } sigma)
        {
            // exp(σz − σ²/2): log-normal with mean 1.
            activity = Math.Exp(sigma * rng.Normal(0, 1) - sigma * sigma / 2);
        }
        long shiftMs = 0;
        if (laws.Weekday is not null)
        {
            shiftMs = (long)Math.Round(rng.Normal(0, laws.ChronotypeSdMs));
        }
        return new ListenerTraits(country, zone, activity, shiftMs);
    }
}
