namespace Wrapped.Core.Randomness;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood): a small, fully specified generator, so every draw is the same on every runtime
/// and machine (<see cref="Random"/>'s seeded algorithm is an implementation detail of .NET). The static members hash
/// seeds into independent streams, so any (seed, user, date) can be simulated alone, in any order, on any worker;
/// an instance is a plain generator, for k-means restarts and test data.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private ulong _state = seed;

    /// <summary>An independent generator for one of several uses of one seed (e.g. one k-means restart).</summary>
    public static SplitMix64 ForStream(long seed, long stream) => new(Mix(unchecked((ulong)seed) ^ Mix(unchecked((ulong)stream) + Gamma)));

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

    public ulong NextUInt64() => Next(ref _state);

    /// <summary>Uniform in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="exclusiveMax"/>), without modulo bias.</summary>
    public int NextInt(int exclusiveMax)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(exclusiveMax, 1);
        var bound = (ulong)exclusiveMax;
        var threshold = (0UL - bound) % bound;
        while (true)
        {
            var value = NextUInt64();
            if (value >= threshold)
            {
                return (int)(value % bound);
            }
        }
    }
}
