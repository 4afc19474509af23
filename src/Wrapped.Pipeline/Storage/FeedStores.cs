using Wrapped.Core.Catalog;
using Wrapped.Core.Csv;

namespace Wrapped.Pipeline.Storage;

/// <summary>The two places a run touches: where the uploaded CSVs are read from, and where the feed is written.</summary>
public sealed class FeedStores(IFeedStore input, IFeedStore output)
{
    public IFeedStore Input { get; } = input;
    public IFeedStore Output { get; } = output;

    /// <summary>The three CSVs as the catalog preparer reads them, opened from the input store on demand.</summary>
    public CatalogSources Sources(InputFiles files) => new(Open(files.Tracks), Open(files.Extended), Open(files.Artists));

    // CsvHelper reads synchronously; activities run on pool threads with no synchronization context, so blocking here is safe.
    private CsvSource Open(string path) => new(path, () => Input.OpenReadAsync(path, CancellationToken.None).GetAwaiter().GetResult());
}

/// <summary>Paths of the three inputs inside the input store.</summary>
public sealed record InputFiles(string Tracks, string Extended, string Artists)
{
    public const string TracksName = "tracks.csv";
    public const string ExtendedName = "tracks_extended.csv";
    public const string ArtistsName = "artists.csv";

    public static InputFiles InFolder(string folder)
    {
        var prefix = folder.Trim('/').Length == 0 ? "" : folder.Trim('/') + "/";
        return new InputFiles(prefix + TracksName, prefix + ExtendedName, prefix + ArtistsName);
    }
}
