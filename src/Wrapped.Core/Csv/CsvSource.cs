namespace Wrapped.Core.Csv;

/// <summary>A CSV input: a name for messages and a way to open it. It may be opened more than once, and is only ever read.</summary>
/// <param name="Name">What errors and reports call the file, e.g. its path or blob name.</param>
public sealed record CsvSource(string Name, Func<Stream> Open)
{
    private const int ReadBufferBytes = 1 << 16;

    public static CsvSource FromFile(string path) =>
        new(path, () => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ReadBufferBytes, FileOptions.SequentialScan));
}
