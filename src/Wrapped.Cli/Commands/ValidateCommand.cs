using System.CommandLine;
using Azure;
using Azure.Storage.Blobs;
using Wrapped.Cli.Output;
using Wrapped.Pipeline.Runs;
using Wrapped.Pipeline.Steps;
using Wrapped.Pipeline.Storage;

namespace Wrapped.Cli.Commands;

/// <summary>
/// <c>validate DIR</c>, or <c>validate --connection C RUN</c>: a run folder, or a run's prefix in a blob container,
/// checked against its manifest and its parameters (see <see cref="RunValidator"/>).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var target = new Argument<string>("RUN") { Description = "A run folder (e.g. out/runs/sample-3f9a1c2b4d5e), or with --connection a run's prefix or id in the container" };
        var connection = new Option<string?>("--connection")
        {
            Description = "Validate a run in blob storage: the name of an environment variable holding the connection string (keeps it out of shell history), or the string itself",
        };
        var container = new Option<string>("--container") { Description = "The container with --connection", DefaultValueFactory = _ => FeedContainers.Output };
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check a run: schemas, files, sizes and checksums, record counts against the manifest, completeness.")
        {
            target, connection, container, json,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(json));
            try
            {
                IFeedStore run = parse.GetValue(connection) is { } connectionName
                    ? BlobRun(connectionName, parse.GetValue(container)!, parse.GetValue(target)!)
                    : new LocalFeedStore(Path.GetFullPath(CommonOptions.ExistingFolder(parse.GetValue(target)!, "run")));
                var result = await RunValidator.ValidateAsync(run, cancellationToken);
                var name = result.RunId ?? run.Description;
                console.Summary(new { status = result.IsValid ? "valid" : "invalid", result.RunId, result.Files, result.Records, result.Bytes, result.Problems, result.Notes }, w =>
                {
                    w.WriteLine(result.IsValid
                        ? $"Run {name} is valid: {result.Files:N0} files, {result.Records:N0} records, {result.Bytes / 1048576.0:N1} MiB."
                        : $"Run {name} is NOT valid ({result.Problems.Count} problems):");
                    foreach (var problem in result.Problems.Take(50)) w.WriteLine($"  - {problem}");
                    foreach (var note in result.Notes) w.WriteLine($"  note: {note}");
                });
                return result.IsValid ? ExitCodes.Done : ExitCodes.InputRejected;
            }
            catch (RequestFailedException e)
            {
                return console.Fail(new FeedInputException($"The container could not be read: {e.Status} {e.ErrorCode ?? "no answer"}."));
            }
            catch (Exception e)
            {
                return console.Fail(e);
            }
        });
        return command;
    }

    /// <summary>The run's prefix in the container: <c>runs/{id}</c> when given a bare run id.</summary>
    private static BlobFeedStore BlobRun(string connection, string container, string run)
    {
        var prefix = run.Trim('/').Contains('/') ? run.Trim('/') : $"runs/{run.Trim('/')}";
        return new BlobFeedStore(new BlobServiceClient(ConnectionString(connection)).GetBlobContainerClient(container), prefix);
    }

    /// <summary>The connection string, never echoed: what went wrong is said without it.</summary>
    private static string ConnectionString(string option)
    {
        if (option.Contains('=')) return Checked(option, "--connection");
        if (Environment.GetEnvironmentVariable(option) is { Length: > 0 } fromVariable) return Checked(fromVariable, $"the variable {option}");
        throw new FeedInputException($"--connection {option}: no such environment variable is set; set it to the storage connection string.");
    }

    private static string Checked(string connection, string from)
    {
        try
        {
            _ = new BlobServiceClient(connection);
            return connection;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or UriFormatException)
        {
            throw new FeedInputException($"The connection string in {from} is not a valid storage connection string.");
        }
    }
}
