using System.CommandLine;
using NeuralPredictivity.Cli.Commands;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Tests;

/// <summary>A dataset registry in a fresh temporary folder, with every command that takes a dataset bound to it.
/// </summary>
/// <remarks>
/// The commands run in this process and see only this registry, as a user's commands see the one named by
/// NEURALPREDICTIVITY_REGISTRY, so a dataset added with <c>datasets add</c> here is what <c>models</c> and
/// <c>gridscores</c> then open by name.
/// </remarks>
internal sealed class TemporaryRegistry
{
    internal DatasetRegistry Registry { get; } = new(
        Path.Combine(TestEnvironment.NewFolder("np-cli-registry-"), "datasets.json"),
        DatasetRegistry.BundledDataDirectory(AppContext.BaseDirectory));

    /// <summary>Parses and invokes <c>datasets</c>, <c>models</c> or <c>gridscores</c> against this registry.
    /// </summary>
    internal CliResult Invoke(params string[] args)
    {
        var root = new RootCommand();
        root.Options.Add(CommonOptions.Verbosity);
        root.Subcommands.Add(DatasetsCommand.Create(() => Registry));
        root.Subcommands.Add(ModelsCommand.Create(() => Registry));
        root.Subcommands.Add(GridScoresCommand.Create(() => Registry));
        var (output, error) = (new StringWriter(), new StringWriter());
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Registers the Sargolini-derived MATLAB v7.3 fixture (no arena in the file) under
    /// <paramref name="name"/>.</summary>
    internal CliResult AddMatlabFixture(string name) => Invoke(
        "datasets", "add", name, TestEnvironment.DatasetFixture("session_v73.mat"), "--map", "t=session.post",
        "--map", "x=session.pos(:,1)", "--map", "y=session.pos(:,2)", "--map", "spikes=spikes",
        "--map", "ids=unit_names", "--verbosity", "quiet");

    /// <summary>Registers the Sargolini-derived NWB fixture with a 100 cm square arena under
    /// <paramref name="name"/>.</summary>
    internal CliResult AddNwbFixture(string name) => Invoke(
        "datasets", "add", name, TestEnvironment.DatasetFixture("position_timestamps.nwb"), "--arena-size", "100",
        "--verbosity", "quiet");
}
