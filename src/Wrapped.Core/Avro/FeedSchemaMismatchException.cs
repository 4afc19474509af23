namespace Wrapped.Core.Avro;

/// <summary>
/// A feed file was written with a schema other than the one this build reads. Raised where resolving
/// would be unsafe, e.g. a catalog from another schema version would silently change what the simulator draws.
/// </summary>
public sealed class FeedSchemaMismatchException : Exception
{
    public FeedSchemaMismatchException(string? path, string expectedFingerprint, string actualFingerprint)
        : base($"{path ?? "The file"} was written with another schema version (fingerprint {actualFingerprint}, expected {expectedFingerprint}).")
    {
        Path = path;
        ExpectedFingerprint = expectedFingerprint;
        ActualFingerprint = actualFingerprint;
    }

    public string? Path { get; }
    public string ExpectedFingerprint { get; }
    public string ActualFingerprint { get; }
}
