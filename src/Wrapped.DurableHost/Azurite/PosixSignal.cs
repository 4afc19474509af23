using System.Runtime.InteropServices;

namespace Wrapped.DurableHost.Azurite;

/// <summary>Sends SIGTERM, which .NET's Process API cannot: <see cref="System.Diagnostics.Process.Kill()"/> is SIGKILL.</summary>
internal static class PosixSignal
{
    private const int SigTerm = 15;

    /// <summary>Asks a process to shut down; false on Windows or when the process is gone.</summary>
    public static bool TryTerminate(int processId) =>
        !OperatingSystem.IsWindows() && Kill(processId, SigTerm) == 0;

    // DllImport rather than LibraryImport: the source-generated form needs unsafe code enabled project-wide,
    // and two ints marshal without help.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);
}
