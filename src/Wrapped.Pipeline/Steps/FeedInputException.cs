namespace Wrapped.Pipeline.Steps;

/// <summary>A run cannot start or go on because of what it was given (parameters, a missing or foreign catalog or state), not because of a fault.</summary>
public sealed class FeedInputException(string message, Exception? inner = null) : Exception(message, inner);
