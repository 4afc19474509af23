namespace Wrapped.Core.Simulation.Model;

/// <summary>One thing wrong with a model document: where (a JSON path such as <c>$.trackChoice.replay.L</c>) and why.</summary>
public sealed record ModelProblem(string JsonPath, string Reason)
{
    public override string ToString() => $"{JsonPath}: {Reason}";
}

/// <summary>
/// A listening model that cannot be used: the file (or preset) it came from, the JSON path of the first problem and
/// its reason, and every problem found. The message is one line a command line can print as it is.
/// </summary>
public sealed class ListeningModelException : Exception
{
    public ListeningModelException(string file, IReadOnlyList<ModelProblem> problems)
        : base(Describe(file, problems))
    {
        if (problems.Count == 0) throw new ArgumentException("A rejected model has at least one problem.", nameof(problems));
        File = file;
        Problems = problems;
    }

    public ListeningModelException(string file, string jsonPath, string reason)
        : this(file, [new ModelProblem(jsonPath, reason)])
    {
    }

    /// <summary>The file the model was read from, or <c>preset NAME</c>, or what the caller named the text.</summary>
    public string File { get; }

    /// <summary>Where the first problem is, e.g. <c>$.sessions.long.count[0].weight</c>; <c>$</c> for the whole document.</summary>
    public string JsonPath => Problems[0].JsonPath;

    public string Reason => Problems[0].Reason;

    public IReadOnlyList<ModelProblem> Problems { get; }

    private static string Describe(string file, IReadOnlyList<ModelProblem> problems) => problems.Count switch
    {
        0 => $"{file}: the listening model is not valid.",
        1 => $"{file}: {problems[0]}",
        _ => $"{file}: {problems[0]} (and {problems.Count - 1} more: {string.Join("; ", problems.Skip(1).Take(3))}{(problems.Count > 4 ? "; …" : "")})",
    };
}
