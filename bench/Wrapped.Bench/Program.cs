using System.CommandLine;
using BenchmarkDotNet.Running;
using Wrapped.Bench;

var root = new RootCommand("Wrapped Feed benchmarks: figures for the README and the issues' performance goals.")
{
    EndToEndBenchmark.Create(),
    DurableBenchmark.Create(),
    WrappedBenchmark.Create(),
    AgreementBenchmark.Create(),
    ModelBenchmark.Create(),
    new Command("micro", "BenchmarkDotNet micro-benchmarks of the hot path (simulator day, event encoding); extra arguments go to BenchmarkDotNet.")
    {
        Action = new MicroAction(),
        TreatUnmatchedTokensAsErrors = false,
    },
};
return await root.Parse(args).InvokeAsync();

internal sealed class MicroAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        // Without a filter BenchmarkDotNet asks on stdin which benchmarks to run; default to all of them.
        var arguments = parseResult.UnmatchedTokens.Contains("--filter")
            ? parseResult.UnmatchedTokens.ToArray()
            : [.. parseResult.UnmatchedTokens, "--filter", "*"];
        BenchmarkSwitcher.FromAssembly(typeof(MicroAction).Assembly).Run(arguments);
        return 0;
    }
}
