using System.Runtime.InteropServices;

namespace NeuralPredictivity.Cli.Terminal;

/// <summary>Turns SIGINT (Ctrl+C) and SIGTERM into cooperative cancellation of the running command.</summary>
/// <remarks>
/// <para>
/// The first signal cancels <see cref="Token"/>; the command stops at its next cancellation check, deletes its
/// temporary outputs (work folders, temporary files), <c>train</c> saves its checkpoint, one "cancelled" line
/// is printed, and the process exits 130 after SIGINT or 143 after SIGTERM (128 + the signal number, as a
/// shell reports a process the signal ended; see <see cref="ExitCode"/>).
/// </para>
/// <para>
/// A second SIGINT takes the default action and ends the process at once, for a user who will not wait for
/// a step that checks for cancellation only when it ends; what that leaves is cleaned up by the next run in
/// the same folder. Repeated SIGTERMs are absorbed: a scheduler may send SIGTERM both to the job step and
/// through the batch script's trap, and the cooperative stop must still finish (SIGKILL is the hard stop).
/// </para>
/// <para>
/// System.CommandLine's own handler (<c>InvocationConfiguration.ProcessTerminationTimeout</c>) is not used: it
/// is connected only once an action's task is returned, which the toolkit's actions return when their work is
/// done, and after its timeout it would return an exit code while the work still writes its outputs.
/// </para>
/// </remarks>
internal sealed class TerminationSignals : IDisposable
{
    /// <summary>Exit code of a command cancelled by SIGINT or from inside (128 + 2).</summary>
    internal const int InterruptedExitCode = 130;

    /// <summary>Exit code of a command cancelled by SIGTERM (128 + 15).</summary>
    internal const int TerminatedExitCode = 143;

    private readonly CancellationTokenSource _cancellation = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _interrupts;
    private int _received;

    private TerminationSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal),
        ];
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    internal CancellationToken Token => _cancellation.Token;

    /// <summary>Starts handling SIGINT and SIGTERM until disposed.</summary>
    internal static TerminationSignals Register() => new();

    /// <summary>The process exit code for a command that returned <paramref name="commandExitCode"/>: a
    /// cancelled command (exit 130) stopped by SIGTERM exits 143; every other code is kept.</summary>
    internal int ExitCode(int commandExitCode) =>
        commandExitCode == InterruptedExitCode && Volatile.Read(ref _received) == (int)PosixSignal.SIGTERM
            ? TerminatedExitCode
            : commandExitCode;

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _cancellation.Dispose();
    }

    /// <summary>Runs on the runtime's signal thread, never inside the work it cancels.</summary>
    private void OnSignal(PosixSignalContext context)
    {
        if (context.Signal == PosixSignal.SIGINT && Interlocked.Increment(ref _interrupts) > 1)
        {
            // Not cancelled: the runtime restores the default action and re-raises, ending the process.
            context.Cancel = false;
            return;
        }

        context.Cancel = true;
        if (Interlocked.CompareExchange(ref _received, (int)context.Signal, 0) == 0)
        {
            // Callbacks run on the thread pool, so an exception in one cannot end the signal thread.
            _ = _cancellation.CancelAsync();
        }
    }
}
