using Wrapped.Core.Feed;
using Wrapped.Pipeline.Orchestration;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Cli.Commands;

/// <summary>
/// Before a run writes anything: its estimated size, said when it is large, and a refusal when the output's disk
/// clearly cannot hold it (less free space than the smallest such a run has ever taken, <see cref="RunSizeEstimate.MinimumBytes"/>).
/// </summary>
internal static class DiskRoom
{
    /// <summary>From this estimated size on, the estimate is printed before the run starts.</summary>
    private const long LargeRunBytes = 1L << 30;

    /// <exception cref="FeedInputException">The disk is clearly too small for the run.</exception>
    public static void EnsureFor(FeedRunRequest request, string outputFolder, TextWriter stderr)
    {
        var estimate = RunSizeEstimate.For(request.Parameters);
        var runFolder = Path.Combine(outputFolder, "runs", request.Parameters.RunId);
        // What a resumed or extended run already holds needs no room again.
        var written = Directory.Exists(runFolder) ? new DirectoryInfo(runFolder).EnumerateFiles("*", SearchOption.AllDirectories).Sum(f => f.Length) : 0;
        var free = new DriveInfo(NearestExisting(outputFolder)).AvailableFreeSpace;
        if (estimate.MinimumBytes - written > free)
        {
            throw new FeedInputException(
                $"--out '{outputFolder}' has {Size(free)} free, and this run needs at least {Size(estimate.MinimumBytes - written)}: " +
                $"about {estimate.Events:N0} events, {Size(estimate.Bytes)}; free some space, or ask for fewer users or days.");
        }
        if (estimate.Bytes - written >= LargeRunBytes)
            stderr.WriteLine($"wrapped: this run is about {estimate.Events:N0} events, {Size(estimate.Bytes)} ({Size(free)} free in {Path.GetFullPath(outputFolder)})");
    }

    private static string NearestExisting(string folder)
    {
        var at = Path.GetFullPath(folder);
        while (!Directory.Exists(at)) at = Path.GetDirectoryName(at) ?? Path.GetPathRoot(at)!;
        return at;
    }

    private static string Size(long bytes) => bytes switch
    {
        >= 1L << 40 => $"{bytes / (double)(1L << 40):N1} TiB",
        >= 1L << 30 => $"{bytes / (double)(1L << 30):N1} GiB",
        _ => $"{bytes / (double)(1L << 20):N0} MiB",
    };
}
