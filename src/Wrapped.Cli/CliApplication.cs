using System.CommandLine;
using System.CommandLine.Help;
using Wrapped.Cli.Commands;
using Wrapped.Cli.Output;

namespace Wrapped.Cli;

/// <summary>The <c>wrapped</c> command line: verbs declared with typed options; every verb returns an exit code.</summary>
public static class CliApplication
{
    /// <param name="cancellationToken">Cancelled on Ctrl-C or SIGTERM (<see cref="InterruptSignal"/>): the verb stops and the command exits 130.</param>
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
        var console = new CommandOutput(stdout, stderr, AsksForJson(parse));
        if (parse.Errors.Count > 0)
        {
            // Whatever was mistyped is rejected input: exit 2, one line naming the option and the value.
            var errors = parse.Errors.Select(e => e.Message.TrimEnd('.') + ".").ToList();
            if (parse.CommandResult.Command == root)
            {
                // An unknown verb also leaves the verb missing: say what was typed, not that too.
                var noVerb = root.Parse([]).Errors.Select(e => e.Message.TrimEnd('.') + ".").ToHashSet();
                if (errors.Count > errors.Count(noVerb.Contains)) errors.RemoveAll(noVerb.Contains);
                errors.Add($"Commands: {string.Join(", ", root.Subcommands.Select(c => c.Name))}; wrapped --help describes them.");
            }
            var message = string.Join(" ", errors);
            return console.Fail(ExitCodes.InputRejected, message);
        }

        // Signals are the caller's to handle (Program.cs), so that an interrupted verb can say how to carry on.
        var configuration = new InvocationConfiguration
        {
            Output = stdout,
            Error = stderr,
            ProcessTerminationTimeout = null,
            EnableDefaultExceptionHandler = false,
        };
        try
        {
            return await parse.InvokeAsync(configuration, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // Every verb handles its own failures; this is the last line, so that nothing ends in a stack trace.
            return console.Fail(e);
        }
    }

    /// <summary>Whether the verb was given <c>--json</c>, even when another option could not be read.</summary>
    private static bool AsksForJson(ParseResult parse) =>
        parse.CommandResult.Command.Options.FirstOrDefault(o => o.Name == "--json") is { } json
        && parse.GetResult(json) is { Implicit: false } given
        && !given.Tokens.Any(t => t.Value.Equals("false", StringComparison.OrdinalIgnoreCase));
}
