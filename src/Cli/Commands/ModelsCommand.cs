using System.CommandLine;
using System.Globalization;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity models</c>: list representation families, preview their maps, match dimension.</summary>
internal static class ModelsCommand
{
    /// <param name="registry">Where <c>--dataset</c> names are looked up; the user's registry when null.</param>
    internal static Command Create(Func<DatasetRegistry>? registry = null)
    {
        registry ??= DatasetRegistry.Default;
        var command = new Command(
            "models",
            "Representation families: list them with their parameters, preview their feature maps on a " +
            "recording's grid, and match their participation ratio.");
        command.Subcommands.Add(CreateList());
        command.Subcommands.Add(ModelsPreviewCommand.Create(registry));
        command.Subcommands.Add(ModelsMatchCommand.Create(registry));
        return command;
    }

    private static readonly Argument<string[]> Checkpoints = new("checkpoints")
    {
        Description = "Checkpoint files (X.json) or folders holding them to describe besides the bundled model.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static Command CreateList()
    {
        var command = new Command(
            "list",
            "Show every family with its spec syntax, parameters, defaults and valid values, and the trained " +
            "checkpoints (use a spec with --model or with models preview / models match).");
        command.Arguments.Add(Checkpoints);
        command.SetAction(parse => List(parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error,
            parse.GetValue(Checkpoints) ?? []));
        return command;
    }

    internal static int List(TextWriter output, TextWriter error, IReadOnlyList<string> checkpoints)
    {
        var failed = NetworkFamilyList.Write(output, error, checkpoints);
        output.WriteLine();
        output.WriteLine(
            "Baseline families (spec syntax: family:name=value,…; omitted parameters take the default):");
        foreach (var family in BaselineFamilies.All)
        {
            output.WriteLine();
            output.WriteLine($"{family.Name}    {family.Syntax}");
            output.WriteLine($"    {family.Description}");
            var width = family.Parameters.Count == 0 ? 0 : family.Parameters.Max(p => p.Name.Length);
            foreach (var parameter in family.Parameters)
            {
                var match = parameter.IsMatchable
                    ? string.Create(
                        CultureInfo.InvariantCulture,
                        $"; PR matching searches " +
                        $"{parameter.FormatValue(Coerce(parameter, parameter.SearchMinimum))}…" +
                        $"{parameter.FormatValue(Coerce(parameter, parameter.SearchMaximum))}")
                    : string.Empty;
                output.WriteLine(
                    $"    {parameter.Name.PadRight(width)}  default {DefaultText(parameter),-9} " +
                    $"{parameter.Description}; {parameter.ValidValues}{match}");
            }
        }

        output.WriteLine();
        output.WriteLine("Example: random-fourier:d=512,lengthscale=20cm,seed=3   shuffled:grid-cells:d=64,seed=1");
        var derived = new RunSettings().SeedFor(SeedPurpose.Features).ToString(CultureInfo.InvariantCulture);
        output.WriteLine("A spec without seed= takes the feature seed that run, models preview and models match " +
            $"derive from their --seed (--seed 0, the default, gives seed={derived}; see manifest.json); write " +
            "seed=N in the spec to fix it. A sweep sets seed= from --seeds.");
        output.WriteLine("Short names: place = place-cells, grid = grid-cells (a sweep labels a family as written, " +
            "so use one spelling per sweep).");
        return failed ? 2 : 0;
    }

    /// <summary>A parameter's default as the commands apply it: the library's seed default of 0 is replaced by
    /// the seed derived from <c>--seed</c> before any map is built.</summary>
    private static string DefaultText(BaselineParameter parameter) =>
        parameter.Name == "seed" ? "derived" : parameter.DefaultText;

    private static object Coerce(BaselineParameter parameter, double value) =>
        parameter.Kind == BaselineParameterKind.Integer ? (object)(int)value : value;
}
