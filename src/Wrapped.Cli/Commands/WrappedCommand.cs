using System.CommandLine;
using System.Text;
using Wrapped.Cli.Output;
using Wrapped.Core.Wrapped.Page;
using Wrapped.Pipeline.Steps;

namespace Wrapped.Cli.Commands;

/// <summary><c>wrapped DIR --user ID [--year Y] [--json] [--html FILE]</c>: one user's Wrapped as a card, its record, or a web page.</summary>
internal static class WrappedCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = new Argument<string>("DIR") { Description = "A finished run folder, e.g. out/runs/sample-3f9a1c2b4d5e" };
        var user = new Option<long>("--user") { Description = "The user id, from 0 to the run's users − 1", Required = true };
        var year = new Option<int?>("--year") { Description = "The calendar year (default: the user's latest)" };
        var json = new Option<bool>("--json") { Description = "Print the Wrapped record as JSON instead of the card." };
        var html = new Option<string?>("--html") { Description = "Also write the Wrapped page, one self-contained HTML file, to FILE." };
        var command = new Command("wrapped", "One user's Wrapped from a finished run: a card in the terminal, the record as JSON, or a web page.")
        {
            folder, user, year, json, html,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var console = new CommandOutput(stdout, stderr, parse.GetValue(json));
            try
            {
                var (store, layout) = CommonOptions.RunFolder(parse.GetValue(folder)!);
                var found = await WrappedReader.FindAsync(store, layout, parse.GetValue(user), parse.GetValue(year), cancellationToken);
                if (found.Problem is { } problem) throw new FeedInputException(problem);
                var summary = found.Summary!;
                if (parse.GetValue(html) is { } page) await WritePageAsync(page, WrappedPage.Render(summary, found.Username), cancellationToken);
                if (console.Json)
                {
                    console.Summary(summary, _ => { });
                    return ExitCodes.Done;
                }
                WrappedCard.Write(stdout, summary, found.Username);
                if (parse.GetValue(html) is { } written) await stdout.WriteLineAsync($"Page written to {Path.GetFullPath(written)}");
                return ExitCodes.Done;
            }
            catch (Exception e)
            {
                return console.Fail(e);
            }
        });
        return command;
    }

    private static async Task WritePageAsync(string path, string page, CancellationToken cancellationToken)
    {
        try
        {
            await File.WriteAllTextAsync(path, page, new UTF8Encoding(false), cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Where to write the page is what the user typed: a rejected input, not a failure of the run.
            throw new FeedInputException($"Cannot write the page to '{path}': {e.Message}", e);
        }
    }
}
