namespace Wrapped.DurableHost.Tests.Toys;

public sealed record FanOutInput(int Count, string FlakyKey);

public sealed record FanOutProgress(string Stage, int Done, int Total);

public sealed record FanOutResult(long SumOfSquares, int FlakyAttempts, string Greeting);
