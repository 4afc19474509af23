using System.Runtime.InteropServices;

namespace Wrapped.Core.Wrapped;

/// <summary>
/// A zeroed block of native memory for a table read at random on every play, aligned to 2 MiB and, on Linux, offered
/// to the kernel for transparent huge pages (<c>madvise(MADV_HUGEPAGE)</c>, which the default <c>madvise</c> mode
/// honours). A 2 MiB table in 4 KiB pages needs 512 TLB entries, more than a core keeps close, and in a virtual
/// machine each TLB miss walks two sets of page tables: in one huge page the whole table is one entry. Best effort:
/// where the advice is refused the block is ordinary memory, and nothing read from it changes.
/// </summary>
internal sealed unsafe class HugePageMemory
{
    private const nuint HugePageBytes = 2 * 1024 * 1024;
    private const nuint CacheLineBytes = 64;
    private const int MadviseHugePage = 14;

    private readonly void* _block;

    public HugePageMemory(nuint bytes)
    {
        // A small table (a test's catalog) gets ordinary memory aligned to cache lines, not a huge page of 2 MiB.
        var huge = bytes >= HugePageBytes / 2;
        var alignment = huge ? HugePageBytes : CacheLineBytes;
        Length = Math.Max(alignment, (bytes + alignment - 1) / alignment * alignment);
        _block = NativeMemory.AlignedAlloc(Length, alignment);
        GC.AddMemoryPressure((long)Length);
        if (huge && OperatingSystem.IsLinux()) Advise(_block, Length);
        NativeMemory.Clear(_block, Length);
    }

    ~HugePageMemory()
    {
        NativeMemory.AlignedFree(_block);
        GC.RemoveMemoryPressure((long)Length);
    }

    public nuint Length { get; }

    public byte* Pointer => (byte*)_block;

    private static void Advise(void* block, nuint length)
    {
        try
        {
            _ = Madvise(block, length, MadviseHugePage);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            // No libc to ask: ordinary pages.
        }
    }

    // DllImport rather than LibraryImport, as PageCacheDropBehind: madvise returns -1 and sets errno on refusal,
    // which changes nothing here.
    [DllImport("libc", EntryPoint = "madvise")]
    private static extern int Madvise(void* address, nuint length, int advice);
}
