using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Orchestration;

// The orchestration's messages: run parameters, paths, part numbers and counts. Never rows or events.

/// <summary>Start (or extend) a run: simulate days <paramref name="From"/>..<paramref name="To"/> of <paramref name="Parameters"/>.</summary>
public sealed record FeedRunRequest(
    RunParameters Parameters,
    InputFiles Inputs,
    IReadOnlyList<ManifestInput> Fingerprints,
    DateOnly From,
    DateOnly To,
    int BatchSize,
    int MaxParallelBatches,
    RetrySettings? Retry = null);

/// <summary>What a finished run (or extension) holds: the counts of its manifest.</summary>
public sealed record FeedRunResult(string RunId, ManifestCounts Counts);

public sealed record RunStepInput(RunParameters Parameters);

public sealed record PrepareCatalogInput(RunParameters Parameters, InputFiles Inputs);

public sealed record CatalogOutcome(int Tracks, int Artists);

public sealed record SimulateBatchInput(RunParameters Parameters, int[] Parts, DateOnly From, DateOnly To);

public sealed record BatchOutcome(long Events, long Bytes, long DroppedSessions);

public sealed record SimulateChunkInput(RunParameters Parameters, int[][] Batches, DateOnly From, DateOnly To, int MaxParallelBatches, RetrySettings Retry);
