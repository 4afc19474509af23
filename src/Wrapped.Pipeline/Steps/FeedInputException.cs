using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Steps;

/// <summary>A run cannot start or go on because of what it was given (parameters, a missing or foreign catalog or state), not because of a fault.</summary>
public sealed class FeedInputException : Exception
{
    public FeedInputException(string message, Exception? inner = null)
        : base(message, inner)
    {
        Problems = [];
    }

    /// <summary>A run request with these problems, which each host names in its own words (<see cref="ParameterProblem"/>).</summary>
    public FeedInputException(IReadOnlyList<ParameterProblem> problems)
        : base("Invalid parameters: " + ParameterProblem.Describe(problems) + ".")
    {
        Problems = problems;
    }

    /// <summary>The parameters at fault, when the request was refused for its parameters; empty otherwise.</summary>
    public IReadOnlyList<ParameterProblem> Problems { get; }
}
