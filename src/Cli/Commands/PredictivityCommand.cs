using System.CommandLine;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The root command and its subcommands.</summary>
internal static class PredictivityCommand
{
    internal static RootCommand Create()
    {
        var root = new RootCommand(
            "NeuralPredictivity: regress path-integrating networks and matched-dimensionality baselines onto " +
            "MEC recordings, and report noise-ceiling-normalised predictivity against dimensionality.");
        root.Options.Add(CommonOptions.Verbosity);
        root.Subcommands.Add(DoctorCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(SweepCommand.Create());
        root.Subcommands.Add(DatasetsCommand.Create());
        root.Subcommands.Add(ModelsCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(GridScoresCommand.Create());
        return root;
    }

    /// <summary>Parses <paramref name="args"/> and runs the chosen command; a command line that does not parse
    /// exits 2 with the problem named (<see cref="UsageErrors"/>).</summary>
    /// <param name="args">The command line after <c>predictivity</c>.</param>
    /// <param name="configuration">Output and error writers; System.CommandLine's own process-termination
    /// handling is switched off in it, since <see cref="Program.Main"/> connects signals to
    /// <paramref name="cancellation"/> (<see cref="Terminal.TerminationSignals"/>).</param>
    /// <param name="cancellation">Cancels the long-running commands, which then exit 130.</param>
    internal static int Invoke(
        string[] args, InvocationConfiguration? configuration = null, CancellationToken cancellation = default)
    {
        configuration ??= new InvocationConfiguration();
        configuration.ProcessTerminationTimeout = null;
        var parse = Create().Parse(args);
        return UsageErrors.Failed(parse)
            ? UsageErrors.Report(parse, configuration.Error)
            : parse.InvokeAsync(configuration, cancellation).GetAwaiter().GetResult();
    }
}
