namespace Wrapped.Core.Catalog;

/// <summary>
/// A small, fully specified generator (Steele, Lea and Flood's SplitMix64), so that clustering gives the same result on
/// every runtime and machine; <see cref="Random"/>'s seeded algorithm is an implementation detail of .NET.
/// </summary>
public sealed class SplitMix64(ulong seed)
{
    private const ulong GoldenGamma = 0x9E3779B97F4A7C15;
    private ulong _state = seed;

    /// <summary>An independent stream for one of several uses of one seed (e.g. one k-means restart).</summary>
    public static SplitMix64 ForStream(long seed, long stream) => new(Mix((ulong)seed ^ Mix((ulong)stream + GoldenGamma)));

    public ulong NextUInt64()
    {
        _state += GoldenGamma;
        return Mix(_state);
    }

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

    private static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
