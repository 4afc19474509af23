using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Wrapped.Core.Avro;

/// <summary>
/// Derives a file's 16-byte Avro sync marker from the run's seed and the file's path, where Avro libraries draw
/// it at random: a retried or re-run batch must rewrite the very same bytes.
/// </summary>
public static class SyncMarker
{
    public const int Size = 16;

    // Versioned so that a deliberate change of derivation is visible, and distinct from any other seed-derived hash.
    private const string Domain = "wrapped-feed/avro-sync-marker/v1:";

    /// <summary>
    /// First 16 bytes of SHA-256(UTF-8(domain + seed + '/' + path)). Backslashes in the path become '/',
    /// so a path built on Windows gives the same marker.
    /// </summary>
    public static byte[] Derive(long seed, string relativePath)
    {
        ArgumentNullException.ThrowIfNull(relativePath);
        string text = string.Concat(Domain, seed.ToString(CultureInfo.InvariantCulture), "/", relativePath.Replace('\\', '/'));
        int maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        byte[] rented = ArrayPool<byte>.Shared.Rent(maxBytes);
        try
        {
            int length = Encoding.UTF8.GetBytes(text, rented);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(rented.AsSpan(0, length), hash);
            return hash[..Size].ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
