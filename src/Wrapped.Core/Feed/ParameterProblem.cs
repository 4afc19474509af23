namespace Wrapped.Core.Feed;

/// <summary>
/// Why one parameter of a run cannot be used. <paramref name="Name"/> is the parameter's JSON name (<c>partSize</c>), so
/// each host can name it in its own words: the HTTP API as is, the command line as its option (<c>--part-size</c>).
/// </summary>
/// <param name="Problem">What is wrong, as the rest of a sentence that starts with the name: "must be at least 1 (got 0)".</param>
public sealed record ParameterProblem(string Name, string Problem)
{
    public override string ToString() => $"{Name} {Problem}";

    /// <summary>Every problem on one line, each named by <paramref name="nameOf"/> (the JSON name when null).</summary>
    public static string Describe(IEnumerable<ParameterProblem> problems, Func<string, string>? nameOf = null) =>
        string.Join("; ", problems.Select(p => $"{(nameOf ?? (n => n))(p.Name)} {p.Problem}"));
}
