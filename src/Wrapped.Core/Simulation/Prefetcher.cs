using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Wrapped.Core.Simulation;

/// <summary>Software prefetch of a line or of whole arrays, where the platform has it; a hint that changes no value.</summary>
internal static class Prefetcher
{
    private const int LineBytes = 64;

    // A day touches a few dozen lines of a user's state: loading a large array whole would cost more memory
    // traffic than the misses it saves, and evict what the day needs.
    private const int MaxBytes = 8 * 1024;

    /// <summary>Starts loading the cache line holding <paramref name="element"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Line<T>(ref T element)
    {
        if (Sse.IsSupported)
        {
            // A prefetch never faults, so an address made stale by a GC moving the object is harmless.
            Sse.Prefetch0(Unsafe.AsPointer(ref element));
        }
    }

    public static unsafe void Lines<T>(T[] array)
        where T : unmanaged
    {
        if (!Sse.IsSupported || array.Length == 0 || (long)array.Length * sizeof(T) > MaxBytes)
        {
            return;
        }
        // A prefetch never faults, so an address made stale by a GC moving the array is harmless.
        var start = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));
        var bytes = (nint)array.Length * sizeof(T);
        for (nint offset = 0; offset < bytes; offset += LineBytes)
        {
            Sse.Prefetch0(start + offset);
        }
    }
}
