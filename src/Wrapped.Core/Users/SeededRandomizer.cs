using Bogus;

namespace Wrapped.Core.Users;

/// <summary>A Bogus randomizer drawing from a 64-bit-seeded stream instead of <c>new Random(int)</c>.</summary>
internal sealed class SeededRandomizer : Randomizer
{
    public SeededRandomizer(ulong seed)
    {
        localSeed = new StreamRandom(seed);
    }
}
