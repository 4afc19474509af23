namespace Wrapped.Core.Csv;

/// <summary>A column a file kind knows about, matched by header name (case-insensitive), never by position.</summary>
/// <param name="Name">The canonical name, used in messages.</param>
/// <param name="Aliases">Other header names the same column goes by in other variants of the dataset, in order of preference after <paramref name="Name"/>.</param>
public sealed record CsvColumn(string Name, bool Required, params string[] Aliases)
{
    public IEnumerable<string> HeaderNames => Aliases.Prepend(Name);

    public static CsvColumn Mandatory(string name, params string[] aliases) => new(name, true, aliases);

    public static CsvColumn Optional(string name, params string[] aliases) => new(name, false, aliases);
}
