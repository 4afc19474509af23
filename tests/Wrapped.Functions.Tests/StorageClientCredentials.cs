using System.Reflection;
using Azure;
using Azure.Core;
using Azure.Storage;
using Azure.Storage.Blobs;

namespace Wrapped.Functions.Tests;

/// <summary>
/// The credentials a blob client signs its requests with. The SDK keeps them internal, so they are read by reflection:
/// the only way to check "a token and no key" without sending a request (a managed identity would call the metadata
/// endpoint, which this machine must never do).
/// </summary>
internal sealed record StorageClientCredentials(TokenCredential? Token, StorageSharedKeyCredential? SharedKey, AzureSasCredential? Sas)
{
    private const BindingFlags Internal = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static StorageClientCredentials Of(BlobContainerClient client)
    {
        var configuration = Read(client, "ClientConfiguration");
        return new StorageClientCredentials(
            (TokenCredential?)Read(configuration, "TokenCredential"),
            (StorageSharedKeyCredential?)Read(configuration, "SharedKeyCredential"),
            (AzureSasCredential?)Read(configuration, "SasCredential"));
    }

    /// <summary>Which identity a managed identity credential asks for, as the SDK describes it (e.g. <c>ClientId 1234…</c>).</summary>
    public static string ManagedIdentityOf(TokenCredential credential) =>
        Read(Read(credential, "Client"), "ManagedIdentityId")?.ToString() ?? "";

    private static object? Read(object? target, string property)
    {
        ArgumentNullException.ThrowIfNull(target);
        var info = target.GetType().GetProperty(property, Internal)
            ?? throw new InvalidOperationException($"{target.GetType().FullName} has no property {property} any more: update this test helper to the SDK.");
        return info.GetValue(target);
    }
}
