namespace Wrapped.Core.Simulation;

/// <summary>
/// SplitMix64: seeds <see cref="RandomStream"/> and derives independent stream seeds by hashing,
/// so any (seed, user, date) can be simulated alone, in any order, on any worker.
/// </summary>
public static class SplitMix64
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 finalizer: a bijection on 64 bits with full avalanche.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    public static ulong Next(ref ulong state)
    {
        state += Gamma;
        return Mix(state);
    }

    /// <summary>
    /// Hashes (seed, a, b) into one stream seed. Each step mixes after folding in one component, so
    /// swapping components or moving bits between them gives unrelated seeds.
    /// </summary>
    public static ulong Derive(long seed, long a, long b)
    {
        var h = Mix(unchecked((ulong)seed + Gamma));
        h = Mix(h ^ unchecked((ulong)a));
        return Mix((h + Gamma) ^ unchecked((ulong)b));
    }
}
