using System.Runtime.InteropServices;

namespace Wrapped.Cli.Output;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM cancel the running verb, which stops at its next check and exits 130 saying how to go
/// on: every run resumes where it stopped. A verb that has not stopped after <see cref="Grace"/>, or a second
/// signal, ends the process at once with the same code and message (what was written is safe: files are committed
/// whole, and a resume redoes the rest).
/// </summary>
public sealed class InterruptSignal : IDisposable
{
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _interrupted = new();
    private readonly TextWriter _stderr;
    private readonly PosixSignalRegistration[] _registrations;
    private int _signals;
    private volatile bool _finished;

    public InterruptSignal(TextWriter stderr)
    {
        _stderr = stderr;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal), PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal)];
    }

    public CancellationToken Token => _interrupted.Token;

    private void OnSignal(PosixSignalContext context)
    {
        // The process is ours to end, after the verb has had its chance to stop cleanly.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1) Exit();
        _interrupted.Cancel();
        _ = Task.Delay(Grace).ContinueWith(_ => Exit(), TaskScheduler.Default);
    }

    private void Exit()
    {
        if (_finished) return;
        _stderr.WriteLine($"wrapped: {CommandFailure.InterruptedMessage}");
        _stderr.Flush();
        Environment.Exit(ExitCodes.Interrupted);
    }

    public void Dispose()
    {
        _finished = true;
        foreach (var registration in _registrations) registration.Dispose();
        _interrupted.Dispose();
    }
}
