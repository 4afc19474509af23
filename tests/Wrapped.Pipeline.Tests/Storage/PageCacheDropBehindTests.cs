using System.Collections.Concurrent;
using System.IO.MemoryMappedFiles;
using System.Runtime.InteropServices;
using Wrapped.Pipeline.Storage;
using Wrapped.TestSupport;

namespace Wrapped.Pipeline.Tests.Storage;

public sealed class PageCacheDropBehindTests
{
    [Fact]
    public void Committed_DropsTheOldestFilesOnlyOnceMoreThanTheLagIsBehindThem()
    {
        var dropped = new List<string>();
        var dropBehind = new PageCacheDropBehind(lagBytes: 100, dropped.Add);

        dropBehind.Committed("a", 40);
        dropBehind.Committed("b", 40);
        dropBehind.Committed("c", 20);
        Assert.Empty(dropped); // exactly the lag behind: kept

        dropBehind.Committed("d", 1);
        Assert.Equal(["a"], dropped);

        dropBehind.Committed("e", 150); // one large file pushes out everything before it, and itself
        Assert.Equal(["a", "b", "c", "d", "e"], dropped);
    }

    [Fact]
    public void Committed_FromManyWriters_DropsEveryFileBeyondTheLagExactlyOnce()
    {
        var dropped = new ConcurrentBag<string>();
        var dropBehind = new PageCacheDropBehind(lagBytes: 10, dropped.Add);
        var committed = Enumerable.Range(0, 2000).Select(i => $"file-{i}").ToArray();

        Parallel.ForEach(committed, new ParallelOptions { MaxDegreeOfParallelism = 4 }, path => dropBehind.Committed(path, 1));

        Assert.Equal(committed.Length - 10, dropped.Count);
        Assert.Equal(dropped.Count, dropped.Distinct().Count());
        Assert.Subset(committed.ToHashSet(), dropped.ToHashSet());
    }

    [Fact]
    public void StartWriteBack_IsAdviceTheKernelTakes_OrNoneOffLinux()
    {
        using var folder = new TempFolder("drop-behind-advice");
        using var file = new FileStream(folder.Combine("data.bin"), FileMode.CreateNew, FileAccess.Write);
        file.Write(new byte[100_000]);
        file.Flush();

        var result = new PageCacheDropBehind(lagBytes: 0, _ => { }).StartWriteBack(file.SafeFileHandle);

        Assert.Equal(OperatingSystem.IsLinux() ? 0 : -1, result);
    }

    [Fact]
    public async Task LocalFeedStore_DropsWhatItWrote_AndTheFilesReadBackWhole()
    {
        // On the repository's disk, not the temp folder, which may be tmpfs: its pages are the files and stay.
        var root = Path.Combine(AppContext.BaseDirectory, $"drop-behind-{Guid.NewGuid():N}");
        try
        {
            var dropped = new List<string>();
            var store = new LocalFeedStore(root, new PageCacheDropBehind(lagBytes: 0, dropped.Add));
            var data = Enumerable.Range(0, 3 << 20).Select(i => (byte)(i * 31)).ToArray();

            await store.WriteAsync("events/date=2024-01-01/part-00000.avro", (s, ct) => s.WriteAsync(data, ct).AsTask(), CancellationToken.None);

            var written = Path.Combine(root, "events", "date=2024-01-01", "part-00000.avro");
            Assert.Equal([written], dropped);
            Assert.Equal(data, await File.ReadAllBytesAsync(written));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public void DefaultDrop_EvictsACleanFileFromThePageCache_AndShrugsOffAMissingOne()
    {
        var dropBehind = PageCacheDropBehind.ForThisPlatform();
        if (!OperatingSystem.IsLinux())
        {
            Assert.Null(dropBehind);
            return;
        }
        Assert.NotNull(dropBehind);
        var root = Path.Combine(AppContext.BaseDirectory, $"drop-behind-{Guid.NewGuid():N}");
        Directory.CreateDirectory(root);
        try
        {
            var path = Path.Combine(root, "written.bin");
            const int Length = 4 << 20;
            using (var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(new byte[Length]);
                file.Flush(flushToDisk: true); // clean pages: the ones the advice drops
            }
            Assert.Equal(Length / Environment.SystemPageSize, ResidentPages(path, Length));

            dropBehind.Committed(path, PageCacheDropBehind.DefaultLagBytes + 1);
            dropBehind.Committed(Path.Combine(root, "never-written.bin"), PageCacheDropBehind.DefaultLagBytes + 1);

            Assert.Equal(0, ResidentPages(path, Length));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int ResidentPages(string path, int length)
    {
        using var mapped = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        using var view = mapped.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        var pages = new byte[(length + Environment.SystemPageSize - 1) / Environment.SystemPageSize];
        var address = view.SafeMemoryMappedViewHandle.DangerousGetHandle() + (nint)view.PointerOffset;
        Assert.Equal(0, MinCore(address, (nuint)length, pages));
        return pages.Count(p => (p & 1) != 0);
    }

    [DllImport("libc", EntryPoint = "mincore", SetLastError = true)]
    private static extern int MinCore(nint address, nuint length, byte[] residency);
}
