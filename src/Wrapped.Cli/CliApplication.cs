using System.CommandLine;
using System.CommandLine.Help;
using Wrapped.Cli.Commands;

namespace Wrapped.Cli;

/// <summary>The <c>wrapped</c> command line: verbs declared with typed options; every verb returns an exit code.</summary>
public static class CliApplication
{
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken = default)
    {
        // Not a RootCommand: that one is named after the executable, `wrapped`, which would collide with the `wrapped` verb.
        var root = new Command("wrapped-feed", "Wrapped Feed: a synthetic Spotify Wrapped data feed from three public Spotify CSVs.")
        {
            new HelpOption(),
            new VersionOption(),
            PrepareCommand.Create(stdout, stderr),
            SimulateCommand.Create(stdout, stderr),
            RunCommand.Create(stdout, stderr),
            ValidateCommand.Create(stdout, stderr),
            WorkerCommand.Create(stdout, stderr),
            WrappedCommand.Create(stdout, stderr),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0 && parse.CommandResult.Command != root)
        {
            // Bad flags are rejected input: exit 2, like a rejected CSV, with one line per problem.
            foreach (var error in parse.Errors) await stderr.WriteLineAsync($"wrapped: {error.Message}").ConfigureAwait(false);
            return Output.ExitCodes.InputRejected;
        }
        var configuration = new InvocationConfiguration { Output = stdout, Error = stderr };
        return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
    }
}
