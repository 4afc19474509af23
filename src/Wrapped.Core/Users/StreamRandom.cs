using Wrapped.Core.Simulation;

namespace Wrapped.Core.Users;

/// <summary>
/// A <see cref="Random"/> over <see cref="RandomStream"/>, to give Bogus a 64-bit seed: <c>new Randomizer(int)</c>
/// takes 32 bits, so among 10,000 users two would share a seed (and be the same person) about once in a hundred runs.
/// Every virtual member is overridden so none falls back to the base class's own generator.
/// </summary>
internal sealed class StreamRandom(ulong seed) : Random
{
    private RandomStream _stream = new(seed);

    public override int Next() => _stream.NextInt(int.MaxValue);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return maxValue == 0 ? 0 : _stream.NextInt(maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return (int)NextInt64(minValue, maxValue);
    }

    public override long NextInt64() => (long)(_stream.NextUInt64() >> 1) % long.MaxValue;

    public override long NextInt64(long maxValue) => NextInt64(0, maxValue);

    public override long NextInt64(long minValue, long maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)(maxValue - minValue);
        if (range <= 1)
        {
            return minValue;
        }
        // Rejection keeps every value equally likely.
        var limit = ulong.MaxValue - ulong.MaxValue % range;
        ulong x;
        do
        {
            x = _stream.NextUInt64();
        }
        while (x >= limit);
        return minValue + (long)(x % range);
    }

    public override double NextDouble() => _stream.NextDouble();

    public override float NextSingle() => (_stream.NextUInt64() >> 40) * (1.0f / (1 << 24));

    public override void NextBytes(byte[] buffer) => NextBytes(buffer.AsSpan());

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(_stream.NextUInt64() >> 56);
        }
    }

    protected override double Sample() => _stream.NextDouble();
}
