using Wrapped.Core.Feed;

namespace Wrapped.Pipeline.Runs;

/// <summary>
/// The defaults a host applies to what a caller leaves out, starting from <see cref="RunDefaults"/>. The Function app
/// binds them from its configuration section <c>Wrapped</c> (<c>run.json</c> or the HTTP body override them per run);
/// the command line uses <see cref="ForCommandLine"/>, whose options show them in their help.
/// </summary>
public sealed class FeedDefaults
{
    public const string SectionName = "Wrapped";

    public int Users { get; set; } = RunDefaults.Users;
    public long Seed { get; set; } = RunDefaults.Seed;
    /// <summary>Users per output file; null chooses by the number of users (<see cref="RunParameters.DefaultPartSizeFor"/>).</summary>
    public int? PartSize { get; set; }
    public int BatchSize { get; set; } = RunDefaults.BatchSize;
    public int MaxParallelBatches { get; set; } = RunDefaults.MaxParallelBatches;
    public int Clusters { get; set; } = RunDefaults.Clusters;
    public string Codec { get; set; } = RunDefaults.Codec;

    /// <summary>The listening model's preset when a request names none.</summary>
    public string Model { get; set; } = Core.Simulation.Model.ListeningModel.DefaultPresetName;

    /// <summary>Whether runs started by an upload are extended every night by default.</summary>
    public bool Daily { get; set; } = true;

    /// <summary>
    /// The command line's: one batch in flight per processor (a local run's batches share this machine's cores), and
    /// no nightly extension (a run from the command line is extended by running it again with a later end).
    /// </summary>
    public static FeedDefaults ForCommandLine() => new()
    {
        MaxParallelBatches = Math.Min(Environment.ProcessorCount, RunLimits.MaxParallelBatches),
        Daily = false,
    };
}
