using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity models match</c>: a family spec whose participation ratio matches a target.</summary>
internal static class ModelsMatchCommand
{
    private static readonly Argument<string> Spec = new("spec")
    {
        Description = "Baseline spec to start from (see models list); every parameter but the varied one is kept.",
    };

    private static readonly Option<double> Target = new("--target-pr")
    {
        Description = "Participation ratio to reach (≥ 1), e.g. that of a trained model on the same grid.",
        Required = true,
    };

    private static readonly Option<string?> Parameter = new("--parameter")
    {
        Description = "Parameter to vary (d, lengthscale, width or spacing); default: the family's shape parameter, " +
            "keeping d fixed.",
    };

    private static readonly Option<double> Tolerance = new("--tolerance")
    {
        Description = "Accepted relative error |PR − target| / target.",
        DefaultValueFactory = _ => DimensionalityMatcher.DefaultRelativeTolerance,
    };

    internal static Command Create(Func<DatasetRegistry> registries)
    {
        var command = new Command(
            "match",
            "Vary one parameter of a baseline spec until its map's participation ratio on the recording's grid " +
            "matches a target; print the chosen spec and the achieved ratio.");
        command.Arguments.Add(Spec);
        command.Options.Add(Target);
        command.Options.Add(Parameter);
        command.Options.Add(Tolerance);
        ArenaSource.AddTo(command);
        command.SetAction(parse => Run(parse, registries));
        return command;
    }

    private static int Run(ParseResult parse, Func<DatasetRegistry> registries)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var logging = NeuralPredictivity.Cli.Terminal.CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = logging.CreateLogger("predictivity.models.match");
        try
        {
            var spec = BaselineSpec.Parse(parse.GetValue(Spec)!);
            var (arena, grid, label) = ArenaSource.Resolve(parse, registries(), logger);
            var matcher = new DimensionalityMatcher(logging.CreateLogger<DimensionalityMatcher>());
            var match = matcher.Match(
                spec, parse.GetValue(Target), grid, arena, parse.GetValue(Parameter), parse.GetValue(Tolerance));

            output.WriteLine($"{label}; grid {grid}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"""
                spec            {match.Spec}
                varied          {match.Parameter}
                target PR       {match.TargetParticipationRatio:0.###}
                achieved PR     {match.AchievedParticipationRatio:0.###}
                relative error  {match.RelativeError:0.####} (tolerance {match.RelativeTolerance:0.####})
                reachable PR    {match.ReachableMinimum:0.###}…{match.ReachableMaximum:0.###} over the search range
                maps generated  {match.Evaluations}
                matched         {(match.WithinTolerance ? "yes" : "no")}
                """));
            return match.WithinTolerance ? 0 : 3;
        }
        catch (InvalidSettingsException ex)
        {
            return RunCommand.ReportProblems(error, "models match", ex.Problems);
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidDataException
                                   or NotSupportedException)
        {
            error.WriteLine($"error: {ErrorMessage.Of(ex)}");
            return 2;
        }
    }
}
