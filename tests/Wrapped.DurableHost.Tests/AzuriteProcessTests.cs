using Azure.Storage.Blobs;
using Wrapped.DurableHost.Azurite;

namespace Wrapped.DurableHost.Tests;

public sealed class AzuriteProcessTests
{
    [Fact]
    public async Task StartAsync_TwoAtOnce_ServeOnDistinctPorts()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string root = Directory.CreateTempSubdirectory("wrapped-azurite-pair-").FullName;
        try
        {
            AzuriteProcess[] pair = await Task.WhenAll(
                AzuriteProcess.StartAsync(Path.Combine(root, "a"), timeout.Token),
                AzuriteProcess.StartAsync(Path.Combine(root, "b"), timeout.Token));
            AzuriteProcess a = pair[0], b = pair[1];
            try
            {
                await AssertBothServeAsync(a, b, timeout.Token);
            }
            finally
            {
                await Task.WhenAll(a.DisposeAsync().AsTask(), b.DisposeAsync().AsTask());
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task DisposeAsync_ThenStartOnTheSameData_KeepsWhatWasWrittenLast()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string data = Directory.CreateTempSubdirectory("wrapped-azurite-restart-").FullName;
        try
        {
            AzuriteProcess first = await AzuriteProcess.StartAsync(data, timeout.Token);
            var container = new BlobServiceClient(first.ConnectionString).GetBlobContainerClient("kept");
            await container.CreateIfNotExistsAsync(cancellationToken: timeout.Token);
            await container.GetBlobClient("written-last.txt").UploadAsync(BinaryData.FromString("still here"), timeout.Token);
            // The stop ends the process as soon as its services report closed: what they saved must be all there.
            await first.DisposeAsync();

            AzuriteProcess second = await AzuriteProcess.StartAsync(data, timeout.Token);
            try
            {
                var blob = new BlobServiceClient(second.ConnectionString).GetBlobContainerClient("kept").GetBlobClient("written-last.txt");
                Assert.Equal("still here", (await blob.DownloadContentAsync(timeout.Token)).Value.Content.ToString());
            }
            finally
            {
                await second.DisposeAsync();
            }
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    private static async Task AssertBothServeAsync(AzuriteProcess a, AzuriteProcess b, CancellationToken ct)
    {
        int[] ports = [a.BlobPort, a.QueuePort, a.TablePort, b.BlobPort, b.QueuePort, b.TablePort];
        Assert.Equal(6, ports.Distinct().Count());
        foreach (AzuriteProcess azurite in new[] { a, b })
        {
            var container = new BlobServiceClient(azurite.ConnectionString).GetBlobContainerClient("probe");
            await container.CreateIfNotExistsAsync(cancellationToken: ct);
            Assert.True(await container.ExistsAsync(ct));
        }
    }

    [Fact]
    public async Task StartAsync_DirectoryServedByOrphan_AdoptsItInsteadOfStartingAnother()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        string data = Directory.CreateTempSubdirectory("wrapped-azurite-orphan-").FullName;
        try
        {
            // The first owner "crashes": it never disposes, so its Azurite lives on.
            AzuriteProcess orphaned = await AzuriteProcess.StartAsync(data, timeout.Token);
            AzuriteProcess adopted = await AzuriteProcess.StartAsync(data, timeout.Token);

            Assert.Equal(
                (orphaned.BlobPort, orphaned.QueuePort, orphaned.TablePort),
                (adopted.BlobPort, adopted.QueuePort, adopted.TablePort));
            await adopted.DisposeAsync();
            await orphaned.DisposeAsync();
            Assert.False(await FreeTcpPorts.IsListeningAsync(orphaned.BlobPort, timeout.Token));
            Assert.False(File.Exists(Path.Combine(data, "azurite-process.json")));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void Find_PackageJsonWithoutNodeModules_TellsToRunNpmCi()
    {
        string folder = Directory.CreateTempSubdirectory("wrapped-no-npm-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "package.json"), "{}");
            string nested = Directory.CreateDirectory(Path.Combine(folder, "bin", "Debug")).FullName;

            FileNotFoundException e = Assert.Throws<FileNotFoundException>(() => AzuriteExecutable.Find([nested]));

            Assert.Contains("npm ci", e.Message);
            Assert.Contains(folder, e.Message);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
