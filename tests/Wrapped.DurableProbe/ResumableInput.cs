namespace Wrapped.DurableProbe;

public sealed record ResumableInput(int Count, string MarkerDirectory);

public sealed record MarkerInput(string MarkerDirectory, int Index);
