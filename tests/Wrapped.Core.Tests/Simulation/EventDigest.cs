using System.Security.Cryptography;
using Wrapped.Core.Simulation;

namespace Wrapped.Core.Tests.Simulation;

/// <summary>SHA-256 over every field of a list of events (the track by its encoded id): equal digests, equal events.</summary>
internal static class EventDigest
{
    public static string Of(SimulationCatalog catalog, IEnumerable<ListeningEvent> events)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> buffer = stackalloc byte[40];
        foreach (var e in events)
        {
            BitConverter.TryWriteBytes(buffer[0..], e.Id);
            BitConverter.TryWriteBytes(buffer[8..], e.TimestampMs);
            BitConverter.TryWriteBytes(buffer[16..], e.UserId);
            BitConverter.TryWriteBytes(buffer[24..], e.ListeningTimeMs);
            BitConverter.TryWriteBytes(buffer[32..], e.SessionId);
            hash.AppendData(buffer);
            hash.AppendData(catalog.TrackIdAvro(e.TrackIndex));
        }
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
