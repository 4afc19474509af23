using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Wrapped.Core.Csv;
using Wrapped.Core.Feed;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary>
/// Options several verbs share, declared once so they read and validate the same everywhere. Every value is read by a
/// parser of ours, which reports a value it cannot read as an error naming the option: System.CommandLine's own
/// conversion error would surface as an exception from any validator that asks for the value.
/// </summary>
internal static class CommonOptions
{
    /// <summary>The command line's defaults: the help shows them, and the run request factory applies them.</summary>
    public static FeedDefaults Defaults { get; } = FeedDefaults.ForCommandLine();

    /// <summary>Builds and checks every run request of the command line.</summary>
    public static RunRequestFactory Requests { get; } = new(Defaults, TimeProvider.System, modelFiles: true);

    public static Option<bool> Json() => new("--json") { Description = "Print one JSON object on stdout instead of a readable summary (errors too); off by default." };

    public static Option<long> Seed() => new("--seed")
    {
        Description = "Seed of every random draw: same inputs, parameters and seed give the same bytes.",
        DefaultValueFactory = _ => Defaults.Seed,
        CustomParser = result => ParseWhole(result, "--seed", long.MinValue, long.MaxValue) ?? 0,
    };

    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
            result.AddError($"{name} must be a date written yyyy-MM-dd, not '{text}'.");
            return null;
        },
    };

    /// <summary>A whole number; its bounds, when a run's, are checked with the run's other rules (<see cref="RunRequestFactory"/>).</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min = int.MinValue, int max = int.MaxValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result => (int?)ParseWhole(result, name, min, max) ?? defaultValue,
    };

    /// <summary>A whole number with no default: absent means the command chooses (the description says how).</summary>
    public static Option<int?> OptionalInt(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => (int?)ParseWhole(result, name, int.MinValue, int.MaxValue),
    };

    /// <summary>A name checked by <paramref name="problem"/> (a run id, a dataset), so it never reaches a path unchecked.</summary>
    public static Option<string?> Name(string name, string description, Func<string, string?> problem) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var text = Token(result);
            if (problem(text) is not { } why) return text;
            result.AddError($"{name} {why}.");
            return null;
        },
    };

    /// <summary>The folder named by <c>--out</c>, or rejected input when it, or a folder above it, is a file.</summary>
    public static string OutputFolder(string path)
    {
        for (var at = Path.GetFullPath(path); at is not null; at = Path.GetDirectoryName(at))
        {
            if (File.Exists(at))
            {
                throw new FeedInputException(at == Path.GetFullPath(path)
                    ? $"--out '{path}' is a file, not a folder."
                    : $"--out '{path}' cannot be a folder: '{at}' is a file.");
            }
        }
        return path;
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

    /// <summary>The start of a run that names no dates, which is also where newness is measured from by default.</summary>
    public static DateOnly DefaultStart => RunCalendar.DefaultStart(Requests.LatestEndOf(Requests.ModelOf(new RunRequestOverrides())));

    /// <summary>The sample shipped beside the binary (and in the repository's <c>samples/</c>).</summary>
    public static string BundledSampleFolder
    {
        get
        {
            var besideBinary = Path.Combine(AppContext.BaseDirectory, "samples");
            return Directory.Exists(besideBinary) ? besideBinary : Path.GetFullPath("samples");
        }
    }

    private static string Token(ArgumentResult result) => result.Tokens.Count > 0 ? result.Tokens[0].Value : "";

    /// <summary>The token as a whole number from <paramref name="min"/> to <paramref name="max"/>, or an error naming the option.</summary>
    private static long? ParseWhole(ArgumentResult result, string name, long min, long max)
    {
        var text = Token(result);
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max) return value;
        var digits = text.Length > 0 && text.TrimStart('-').All(char.IsAsciiDigit);
        // Bounded by its type only, a run's value is checked further with the run's other rules.
        var typeBound = max is int.MaxValue or long.MaxValue;
        result.AddError(!digits ? $"{name} must be a whole number, not '{text}'."
            : typeBound ? $"{name} '{text}' is too large a number."
            : $"{name} must be a whole number from {min:N0} to {max:N0}, not '{text}'.");
        return null;
    }
}
