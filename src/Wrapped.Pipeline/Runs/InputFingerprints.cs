using System.Security.Cryptography;
using Wrapped.Core.Catalog;
using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Runs;

public static class InputFingerprints
{
    /// <summary>Size and SHA-256 of each input, read as a stream: they name the run and go into its manifest.</summary>
    public static async Task<IReadOnlyList<ManifestInput>> ComputeAsync(CatalogSources sources, CancellationToken cancellationToken)
    {
        var inputs = new List<ManifestInput>(3);
        foreach (var source in new[] { sources.Tracks, sources.Extended, sources.Artists })
        {
            await using var stream = source.Open();
            inputs.Add(await OfAsync(Path.GetFileName(source.Name), stream, cancellationToken).ConfigureAwait(false));
        }
        return inputs;
    }

    /// <summary>One input's size and SHA-256, listed under <paramref name="name"/>.</summary>
    public static async Task<ManifestInput> OfAsync(string name, Stream stream, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[1 << 16];
        long bytes = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            sha.AppendData(buffer, 0, read);
            bytes += read;
        }
        // Counted, not asked of the stream: a blob stream and a file stream must describe the same bytes alike.
        return new ManifestInput(name, bytes, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }
}
