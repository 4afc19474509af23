using Wrapped.Core.Randomness;
using System.Numerics;

namespace Wrapped.Core.Simulation;

/// <summary>
/// xoshiro256** as a mutable struct: a few nanoseconds a draw, no locks, no allocation, and the same
/// sequence on every machine. Pass it by <c>ref</c>; a copy forks the stream.
/// </summary>
/// <remarks>
/// Normal and exponential draws come from ziggurats whose tables and rare slow paths use <see cref="Math.Exp"/>,
/// <see cref="Math.Log"/> and <see cref="Math.Sqrt"/>. Sqrt is exact by IEEE 754; Exp and Log come from the platform's math library,
/// which may differ in the last bit between operating systems or CPU architectures. Byte-identical output is
/// guaranteed on one platform; across platforms it holds as long as those libraries agree.
/// </remarks>
public struct RandomStream
{
    // Stream tags in the date slot: day numbers are never negative, so these cannot collide with a day.
    private const long InitialStateTag = -1;

    private ulong _s0, _s1, _s2, _s3;

    public RandomStream(ulong seed)
    {
        var x = seed;
        _s0 = SplitMix64.Next(ref x);
        _s1 = SplitMix64.Next(ref x);
        _s2 = SplitMix64.Next(ref x);
        _s3 = SplitMix64.Next(ref x);
        if ((_s0 | _s1 | _s2 | _s3) == 0)
        {
            // The all-zero state is xoshiro's only fixed point.
            _s0 = 1;
        }
    }

    /// <summary>The stream for one user-day.</summary>
    public static RandomStream ForUserDay(long seed, long userId, DateOnly date) =>
        new(SplitMix64.Derive(seed, userId, date.DayNumber));

    /// <summary>The stream for a user's initial listening state.</summary>
    public static RandomStream ForUser(long seed, long userId) =>
        new(SplitMix64.Derive(seed, userId, InitialStateTag));

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1), 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, n), unbiased (Lemire's multiply-and-reject).</summary>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            ThrowNonPositive(n);
        }
        var bound = (uint)n;
        var product = (ulong)(uint)(NextUInt64() >> 32) * bound;
        var low = (uint)product;
        if (low < bound)
        {
            var threshold = (0u - bound) % bound;
            while (low < threshold)
            {
                product = (ulong)(uint)(NextUInt64() >> 32) * bound;
                low = (uint)product;
            }
        }
        return (int)(product >> 32);
    }

    /// <summary>
    /// Exponential with the given mean (rate 1 / mean), by a ziggurat: rarely a logarithm. Takes the mean, not the
    /// rate, because the simulator knows the mean and a multiply is a few cycles where the two divisions were some
    /// thirty, on the path from one play to the next.
    /// </summary>
    public double ExponentialWithMean(double mean) => Ziggurat<ExponentialShape>.Sample(ref this) * mean;

    /// <summary>Normal with the given mean and standard deviation, by a ziggurat: rarely a logarithm, never a cosine.</summary>
    public double Normal(double mean, double sd) => mean + sd * Ziggurat<NormalShape>.Sample(ref this);

    private static void ThrowNonPositive(int n) =>
        throw new ArgumentOutOfRangeException(nameof(n), n, "The bound must be positive.");
}
