using System.CommandLine;
using Wrapped.Cli.Output;
using Wrapped.Pipeline.Runs;

namespace Wrapped.Cli.Commands;

/// <summary><c>validate DIR</c>: a run folder (<c>…/runs/{runId}</c>) checked against its manifest.</summary>
internal static class ValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("DIR") { Description = "A run folder, e.g. out/runs/sample-3f9a1c2b4d5e" };
        var json = CommonOptions.Json();
        var command = new Command("validate", "Check a run folder: schemas, files, sizes and checksums, record counts against the manifest, completeness.") { folder, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(json));
            try
            {
                var (store, layout) = CommonOptions.RunFolder(parse.GetValue(folder)!);
                var result = await RunValidator.ValidateAsync(store, layout, cancellationToken);
                console.Summary(new { status = result.IsValid ? "valid" : "invalid", result.RunId, result.Files, result.Records, result.Bytes, result.Problems }, w =>
                {
                    w.WriteLine(result.IsValid
                        ? $"Run {result.RunId} is valid: {result.Files:N0} files, {result.Records:N0} records, {result.Bytes / 1048576.0:N1} MiB."
                        : $"Run {result.RunId} is NOT valid ({result.Problems.Count} problems):");
                    foreach (var problem in result.Problems.Take(50)) w.WriteLine($"  - {problem}");
                });
                return result.IsValid ? ExitCodes.Done : ExitCodes.InputRejected;
            }
            catch (Exception e)
            {
                return console.Fail(e);
            }
        });
        return command;
    }
}
