using System.Security.Cryptography;
using System.Text;
using Wrapped.Core.Avro;

namespace Wrapped.Core.Tests.Avro;

public class SyncMarkerTests
{
    [Fact]
    public void Derive_SameSeedAndPath_GivesSameSixteenBytes()
    {
        byte[] first = SyncMarker.Derive(42, "events/date=2025-01-01/part-00000.avro");
        byte[] second = SyncMarker.Derive(42, "events/date=2025-01-01/part-00000.avro");

        Assert.Equal(16, first.Length);
        Assert.Equal(first, second);
    }

    [Fact]
    public void Derive_Value_IsSha256PrefixOfDomainSeedAndPath()
    {
        byte[] expected = SHA256.HashData(Encoding.UTF8.GetBytes("wrapped-feed/avro-sync-marker/v1:-42/users/part-00003.avro"))[..16];

        Assert.Equal(expected, SyncMarker.Derive(-42, "users/part-00003.avro"));
    }

    [Theory]
    [InlineData(42, "events/date=2025-01-02/part-00000.avro")]
    [InlineData(42, "events/date=2025-01-01/part-00001.avro")]
    [InlineData(43, "events/date=2025-01-01/part-00000.avro")]
    public void Derive_OtherSeedOrPath_GivesOtherMarker(long seed, string path)
    {
        Assert.NotEqual(SyncMarker.Derive(42, "events/date=2025-01-01/part-00000.avro"), SyncMarker.Derive(seed, path));
    }

    [Fact]
    public void Derive_WindowsSeparators_GiveSameMarkerAsSlashes()
    {
        Assert.Equal(SyncMarker.Derive(7, "state/part-00000.avro"), SyncMarker.Derive(7, "state\\part-00000.avro"));
    }
}
