namespace Wrapped.Core.Csv;

/// <summary>Why an input file was refused as a whole.</summary>
/// <param name="Line">The line the rejection points at, when there is one.</param>
/// <param name="Column">The column the rejection names (e.g. the missing one), when there is one.</param>
/// <param name="SampleIssues">For an exceeded error budget, the first row issues that used it up.</param>
public sealed record InputRejection(
    string File,
    string Reason,
    long? Line,
    string? Column,
    IReadOnlyList<RowIssue> SampleIssues)
{
    public static InputRejection ForFile(string file, string reason) => new(file, reason, null, null, []);

    /// <summary>One readable line: file, then line and column when known, then the reason.</summary>
    public string Describe()
    {
        var location = (Line, Column) switch
        {
            ({ } line, { } column) => $" line {line}, column '{column}'",
            ({ } line, null) => $" line {line}",
            (null, { } column) => $" column '{column}'",
            _ => "",
        };
        return location.Length == 0 ? $"{File}: {Reason}" : $"{File}:{location}: {Reason}";
    }
}
