namespace Wrapped.Pipeline.Runs;

/// <summary>
/// What a caller may set for one run: the body of <c>POST /api/runs</c>, <c>wrapped-input/{dataset}/run.json</c>, or the
/// command line's options. Anything left null takes its default; <see cref="RunRequestFactory"/> turns it into a request.
/// <c>Model</c> is a preset's name (<c>reference</c>, <c>realistic</c>), or on the command line the path of a model file.
/// </summary>
public sealed record RunRequestOverrides(
    string? Dataset = null,
    int? Users = null,
    DateOnly? Start = null,
    DateOnly? End = null,
    long? Seed = null,
    int? BatchSize = null,
    int? PartSize = null,
    int? MaxParallelBatches = null,
    bool? Daily = null,
    string? Codec = null,
    int? Clusters = null,
    string? Model = null);
