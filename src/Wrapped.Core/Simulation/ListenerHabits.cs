using Wrapped.Core.Simulation.Model;
using Wrapped.Core.Users;

namespace Wrapped.Core.Simulation;

/// <summary>
/// A user's traits as the simulator uses them every day: the chance of an idle day, the factor on both session counts
/// of the other days, and the chronotype's shift of the hour curve.
/// </summary>
/// <param name="SessionScale">a / (1 − idle probability), so that expected sessions a day are a times the model's.</param>
internal readonly record struct ListenerHabits(double IdleProbability, double SessionScale, long ChronotypeShiftMs)
{
    public static ListenerHabits For(long seed, long userId, ListeningLaws laws)
    {
        var traits = ListenerTraits.Draw(seed, userId, laws);
        if (!laws.HasActivity)
        {
            return new ListenerHabits(0, 1, traits.ChronotypeShiftMs);
        }
        var idle = Math.Pow(laws.IdleDayProbability, traits.Activity);
        return new ListenerHabits(idle, traits.Activity / (1 - idle), traits.ChronotypeShiftMs);
    }
}
