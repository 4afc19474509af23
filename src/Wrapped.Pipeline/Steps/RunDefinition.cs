using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Steps;

/// <summary><c>_run.json</c>: the parameters a run was started with and the checksums of its inputs, saved first so extensions and status pages can read them.</summary>
public sealed record RunDefinition(RunParameters Parameters, IReadOnlyList<ManifestInput> Inputs);
