using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Wrapped.Bench;

/// <summary>
/// Writes every dirty page to disk before the next measured phase. The kernel writes a run's files back some 30 s after
/// they were written (vm.dirty_expire_centisecs), which is during the next run on this machine: without this, each run
/// after the first pays, on the same two cores, for writing back the one before it — which a user's single run never does.
/// </summary>
internal static class FileSystemFlush
{
    public static TimeSpan Run()
    {
        var stopwatch = Stopwatch.StartNew();
        if (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS()) Sync();
        return stopwatch.Elapsed;
    }

    [DllImport("libc", EntryPoint = "sync")]
    private static extern void Sync();
}
