using Wrapped.Core.Feed;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Pipeline.Orchestration;

// The orchestration's messages: run parameters, paths, part numbers and counts. Never rows or events.

/// <summary>Start (or extend) a run: simulate days <paramref name="From"/>..<paramref name="To"/> of <paramref name="Parameters"/>.</summary>
/// <param name="ModelText">
/// The listening model's document when it is not a preset (a file given to the command line), for the activity that
/// copies it into the run as <c>_model.json</c>; null for a preset (known by its hash) and for an extension (the run has it).
/// </param>
public sealed record FeedRunRequest(
    RunParameters Parameters,
    InputFiles Inputs,
    IReadOnlyList<ManifestInput> Fingerprints,
    DateOnly From,
    DateOnly To,
    int BatchSize,
    int MaxParallelBatches,
    RetrySettings? Retry = null,
    string? ModelText = null);

/// <summary>What a finished run (or extension) holds: the counts of its manifest.</summary>
public sealed record FeedRunResult(string RunId, ManifestCounts Counts);

/// <summary>
/// How one orchestration execution writes its run: as the writer <paramref name="Writer"/> (its token, see
/// <c>WriterClaim</c>), into the run or, extending a finished run, into its staging area.
/// </summary>
public sealed record RunWrite(string Writer, bool Staged);

/// <param name="Orchestration">The instance id of the orchestration that writes the run (its run id).</param>
public sealed record RecordRunInput(FeedRunRequest Request, string Orchestration, string Writer);

public sealed record RunStepInput(RunParameters Parameters, RunWrite Write);

public sealed record PrepareCatalogInput(RunParameters Parameters, InputFiles Inputs, RunWrite Write);

public sealed record CatalogOutcome(int Tracks, int Artists);

public sealed record SimulateBatchInput(RunParameters Parameters, int[] Parts, DateOnly From, DateOnly To, RunWrite Write);

public sealed record BatchOutcome(long Events, long Bytes, long DroppedSessions) : IBatchTotal<BatchOutcome>
{
    public static BatchOutcome Zero { get; } = new(0, 0, 0);

    public long Counted => Events;

    public BatchOutcome Plus(BatchOutcome other) => new(Events + other.Events, Bytes + other.Bytes, DroppedSessions + other.DroppedSessions);
}

public sealed record SimulateChunkInput(RunParameters Parameters, int[][] Batches, DateOnly From, DateOnly To, int MaxParallelBatches, RetrySettings Retry, RunWrite Write);

/// <summary>A batch of parts for one Wrapped phase (score or classify): the same batches the simulation used.</summary>
public sealed record WrappedBatchInput(RunParameters Parameters, int[] Parts, RunWrite Write);

public sealed record WrappedBatchOutcome(long Plays, long Summaries) : IBatchTotal<WrappedBatchOutcome>
{
    public static WrappedBatchOutcome Zero { get; } = new(0, 0);

    public long Counted => Plays;

    public WrappedBatchOutcome Plus(WrappedBatchOutcome other) => new(Plays + other.Plays, Summaries + other.Summaries);
}

/// <param name="Activity">The Wrapped phase's activity: <c>ScoreWrappedActivity</c> or <c>ClassifyWrappedActivity</c>.</param>
public sealed record WrappedChunkInput(RunParameters Parameters, string Activity, int[][] Batches, int MaxParallelBatches, RetrySettings Retry, RunWrite Write);
