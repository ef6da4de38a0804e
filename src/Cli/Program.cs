using NeuralPredictivity.Cli.Commands;

namespace NeuralPredictivity.Cli;

/// <summary>Entry point of the <c>predictivity</c> command.</summary>
public static class Program
{
    /// <summary>Parses the command line and runs the chosen command; returns the process exit code.</summary>
    public static int Main(string[] args) => PredictivityCommand.Invoke(args);
}
