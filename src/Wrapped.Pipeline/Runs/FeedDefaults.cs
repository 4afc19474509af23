namespace Wrapped.Pipeline.Runs;

/// <summary>Defaults for runs started by a trigger (configuration section <c>Wrapped</c>); <c>run.json</c> or the HTTP body override them.</summary>
public sealed class FeedDefaults
{
    public const string SectionName = "Wrapped";

    public int Users { get; set; } = 1000;
    public long Seed { get; set; } = 42;
    /// <summary>Users per output file; null chooses by the number of users (<see cref="Core.Feed.RunParameters.DefaultPartSizeFor"/>).</summary>
    public int? PartSize { get; set; }
    public int BatchSize { get; set; } = RunSchedule.DefaultBatchSize;
    public int MaxParallelBatches { get; set; } = 8;
    public int Clusters { get; set; } = 3;
    public string Codec { get; set; } = "deflate";

    /// <summary>Whether runs started by an upload are extended every night by default.</summary>
    public bool Daily { get; set; } = true;
}
