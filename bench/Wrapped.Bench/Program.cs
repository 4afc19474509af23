using System.CommandLine;
using BenchmarkDotNet.Running;
using Wrapped.Bench;

var root = new RootCommand("Wrapped Feed benchmarks: figures for the README and the issues' performance goals.")
{
    EndToEndBenchmark.Create(),
    DurableBenchmark.Create(),
    new Command("micro", "BenchmarkDotNet micro-benchmarks of the hot path (simulator day, event encoding).")
    {
        Action = new MicroAction(),
    },
};
return await root.Parse(args).InvokeAsync();

internal sealed class MicroAction : System.CommandLine.Invocation.SynchronousCommandLineAction
{
    public override int Invoke(ParseResult parseResult)
    {
        BenchmarkSwitcher.FromAssembly(typeof(MicroAction).Assembly).Run(parseResult.UnmatchedTokens.ToArray());
        return 0;
    }
}
