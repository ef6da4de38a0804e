using NeuralPredictivity.Cli.Commands;
using NeuralPredictivity.Cli.Terminal;

namespace NeuralPredictivity.Cli;

/// <summary>Entry point of the <c>predictivity</c> command.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command with SIGINT and SIGTERM cancelling it
    /// (<see cref="TerminationSignals"/>); returns the process exit code.</summary>
    public static int Main(string[] args)
    {
        using var signals = TerminationSignals.Register();
        return signals.ExitCode(PredictivityCommand.Invoke(args, cancellation: signals.Token));
    }
}
