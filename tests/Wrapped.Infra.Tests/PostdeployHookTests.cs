using System.Diagnostics;
using Wrapped.Functions;
using Wrapped.TestSupport;

namespace Wrapped.Infra.Tests;

/// <summary>
/// infra/hooks/postdeploy.sh run as azd runs it, with the template's outputs in its environment and a stand-in
/// <c>az</c> on the PATH that records every call (nothing reaches Azure).
/// </summary>
[Collection(InfrastructureCollection.Name)]
public sealed class PostdeployHookTests(Infrastructure infra)
{
    private const string AppHost = "func-test.azurewebsites.net";
    private const string BlobsKey = "k3y-Th4t-Must-N0t-Leak";

    [Fact]
    public async Task Hook_RunTwice_PutsOneSubscriptionForBlobCreatedUnderTheInputContainer_AndNeverPrintsTheKey()
    {
        using var folder = new TempFolder("postdeploy");
        var log = folder.Combine("az.log");
        WriteFakeAz(folder.Combine("az"));

        var first = await RunHookAsync(folder, log);
        var second = await RunHookAsync(folder, log);

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.True(second.ExitCode == 0, second.Output + second.Error);
        var creates = Calls(log).Where(c => c.Take(4).SequenceEqual(["eventgrid", "system-topic", "event-subscription", "create"])).ToArray();
        Assert.Equal(2, creates.Length);
        // The same name both times, and `create` is a create-or-replace (an ARM PUT): the second run replaces the first's.
        Assert.Equal(Option(creates[0], "--name"), Option(creates[1], "--name"));
        foreach (var create in creates)
        {
            Assert.Equal((string?)infra.OneAccount.Outputs["AZURE_RESOURCE_GROUP"], Option(create, "--resource-group"));
            Assert.Equal((string?)infra.OneAccount.Outputs["FEED_SYSTEM_TOPIC_NAME"], Option(create, "--system-topic-name"));
            Assert.Equal("webhook", Option(create, "--endpoint-type"));
            Assert.Equal($"https://{AppHost}/runtime/webhooks/blobs?functionName=Host.Functions.{nameof(InputUploadFunction.InputUploaded)}&code={BlobsKey}",
                Option(create, "--endpoint"));
            Assert.Equal("Microsoft.Storage.BlobCreated", Option(create, "--included-event-types"));
            Assert.Equal($"/blobServices/default/containers/{FunctionSettings.InputContainer}/", Option(create, "--subject-begins-with"));
        }
        Assert.DoesNotContain(BlobsKey, first.Output + first.Error + second.Output + second.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateOutputs_NameTheContainerTheTriggerWatches()
    {
        Assert.Equal(FunctionSettings.InputContainer, (string?)infra.OneAccount.Outputs["FEED_INPUT_CONTAINER"]);
        Assert.Equal(FunctionSettings.OutputContainer, (string?)infra.OneAccount.Outputs["FEED_OUTPUT_CONTAINER"]);
    }

    private async Task<ProcessResult> RunHookAsync(TempFolder folder, string log)
    {
        var start = new ProcessStartInfo("sh")
        {
            WorkingDirectory = RepoPaths.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "infra", "hooks", "postdeploy.sh"));
        start.Environment["PATH"] = $"{folder.Path}:{Environment.GetEnvironmentVariable("PATH")}";
        start.Environment["FAKE_AZ_LOG"] = log;
        start.Environment["FAKE_BLOBS_KEY"] = BlobsKey;
        foreach (var name in new[] { "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "FEED_SYSTEM_TOPIC_NAME", "FEED_INPUT_CONTAINER" })
        {
            start.Environment[name] = (string?)infra.OneAccount.Outputs[name] ?? throw new InvalidOperationException($"The template has no output {name}.");
        }
        // Known only once deployed; the snapshot leaves it as an expression.
        start.Environment["AZURE_FUNCTION_APP_HOST"] = AppHost;
        return await ProcessResult.RunAsync(start, TimeSpan.FromMinutes(1));
    }

    /// <summary>A stand-in for the Azure CLI: logs each call's arguments, one per line, and answers the key query.</summary>
    private static void WriteFakeAz(string path)
    {
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The hook is a POSIX shell script.");
        File.WriteAllText(path, """
            #!/bin/sh
            for argument in "$@"; do printf '%s\n' "$argument" >> "$FAKE_AZ_LOG"; done
            printf '%s\n' '--end-of-call--' >> "$FAKE_AZ_LOG"
            if [ "$1 $2 $3" = "functionapp keys list" ]; then printf '%s\n' "$FAKE_BLOBS_KEY"; fi
            """.ReplaceLineEndings("\n"));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private static IEnumerable<string[]> Calls(string log)
    {
        var call = new List<string>();
        foreach (var line in File.ReadAllLines(log))
        {
            if (line == "--end-of-call--")
            {
                yield return [.. call];
                call.Clear();
            }
            else
            {
                call.Add(line);
            }
        }
    }

    private static string? Option(string[] call, string name)
    {
        var index = Array.IndexOf(call, name);
        return index >= 0 && index + 1 < call.Length ? call[index + 1] : null;
    }
}
