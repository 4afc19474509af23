using System.CommandLine;
using System.Globalization;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary>Options several verbs share, declared once so they read and validate the same everywhere.</summary>
internal static class CommonOptions
{
    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout instead of a readable summary." };

    public static Option<long> Seed() => new("--seed") { Description = "Seed of every random draw: same inputs, parameters and seed give the same bytes.", DefaultValueFactory = _ => 42 };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description + " (yyyy-MM-dd)",
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            result.AddError($"{name} must be a date written yyyy-MM-dd, not '{text}'.");
            return null;
        },
    };

    public static Option<int> Positive(string name, string description, int defaultValue)
    {
        var option = new Option<int>(name) { Description = description, DefaultValueFactory = _ => defaultValue };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0) result.AddError($"{name} must be at least 1 (got {result.GetValueOrDefault<int>()}).");
        });
        return option;
    }

    /// <summary>A positive integer option with no default: absent means the command chooses.</summary>
    public static Option<int?> OptionalPositive(string name, string description)
    {
        var option = new Option<int?>(name) { Description = description };
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int?>() is <= 0 and var value) result.AddError($"{name} must be at least 1 (got {value}).");
        });
        return option;
    }

    /// <summary>The CSV at <paramref name="path"/>, or rejected input naming the missing file.</summary>
    public static CsvSource ExistingCsv(string path, string what) =>
        File.Exists(path) ? CsvSource.FromFile(path) : throw new FeedInputException($"The {what} file '{path}' does not exist.");

    public static string ExistingFolder(string path, string what) =>
        Directory.Exists(path) ? path : throw new FeedInputException($"The {what} folder '{path}' does not exist.");

    /// <summary>A run folder (<c>…/runs/{runId}</c>) as a store whose root is the run, and the run's layout in it.</summary>
    public static (LocalFeedStore Store, FeedLayout Layout) RunFolder(string path)
    {
        var runFolder = Path.GetFullPath(ExistingFolder(path, "run"));
        return (new LocalFeedStore(runFolder), FeedLayout.AtStoreRoot(RunIdentity.Slug(Path.GetFileName(runFolder))));
    }

    /// <summary>Yesterday in UTC: the last whole day, so no event can be in the future.</summary>
    public static DateOnly Yesterday => DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);

    public static DateOnly DefaultStart => new(Yesterday.Year, 1, 1);

    /// <summary>The sample shipped beside the binary (and in the repository's <c>samples/</c>).</summary>
    public static string BundledSampleFolder
    {
        get
        {
            var besideBinary = Path.Combine(AppContext.BaseDirectory, "samples");
            return Directory.Exists(besideBinary) ? besideBinary : Path.GetFullPath("samples");
        }
    }
}
