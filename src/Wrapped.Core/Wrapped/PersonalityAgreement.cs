using Wrapped.Core.Users;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// How often the personality inferred from the events agrees with the one the user was generated with: the measure of
/// whether the generator does what it claims. Counted over listener-years whose generated personality is known.
/// </summary>
public sealed record PersonalityAgreementCounts(long Compared, long FamiliarityExploration, long TimelessnessNewness, long LoyaltyVariety, long CommonalityUniqueness, long Exact)
{
    public static PersonalityAgreementCounts None { get; } = new(0, 0, 0, 0, 0, 0);

    public PersonalityAgreementCounts Add(Personality inferred, Personality generated) => new(
        Compared + 1,
        FamiliarityExploration + (inferred.Familiar == generated.Familiar ? 1 : 0),
        TimelessnessNewness + (inferred.Newness == generated.Newness ? 1 : 0),
        LoyaltyVariety + (inferred.Loyal == generated.Loyal ? 1 : 0),
        CommonalityUniqueness + (inferred.Common == generated.Common ? 1 : 0),
        Exact + (inferred == generated ? 1 : 0));

    public PersonalityAgreementCounts Add(PersonalityAgreementCounts other) => new(
        Compared + other.Compared,
        FamiliarityExploration + other.FamiliarityExploration,
        TimelessnessNewness + other.TimelessnessNewness,
        LoyaltyVariety + other.LoyaltyVariety,
        CommonalityUniqueness + other.CommonalityUniqueness,
        Exact + other.Exact);

    /// <summary>The shares, or null when nothing could be compared.</summary>
    public PersonalityAgreement? ToShares() => Compared == 0 ? null : new PersonalityAgreement(
        Compared,
        Share(FamiliarityExploration),
        Share(TimelessnessNewness),
        Share(LoyaltyVariety),
        Share(CommonalityUniqueness),
        Share(Exact));

    // Rounded so the manifest reads cleanly; four decimals are finer than any run's sampling error.
    private double Share(long agreeing) => Math.Round((double)agreeing / Compared, 4);
}

/// <summary>The shares of listener-years whose inferred letter equals the generated one, per dimension, and whose whole code does.</summary>
public sealed record PersonalityAgreement(long Compared, double FamiliarityExploration, double TimelessnessNewness, double LoyaltyVariety, double CommonalityUniqueness, double ExactMatch);
