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
    internal static int Invoke(string[] args, InvocationConfiguration? configuration = null)
    {
        var parse = Create().Parse(args);
        return UsageErrors.Failed(parse)
            ? UsageErrors.Report(parse, configuration?.Error ?? Console.Error)
            : parse.Invoke(configuration);
    }
}
