using Wrapped.Cli;
using Wrapped.Cli.Output;

using var interrupt = new InterruptSignal(Console.Error);
return await CliApplication.RunAsync(args, Console.Out, Console.Error, interrupt.Token);
