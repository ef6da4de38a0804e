using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary><c>predictivity models match</c>: a family spec whose participation ratio matches a target.</summary>
/// <remarks>
/// The spec is parsed as <c>run --model</c> parses it, with the feature seed a run derives from <c>--seed</c>,
/// and matched as <c>run --match-pr-of</c> matches it, so the spec printed is the one such a run would build.
/// Every option problem is reported at once, naming the option, before the dataset is read.
/// </remarks>
internal static class ModelsMatchCommand
{
    private const string SpecName = "<spec>";

    private static readonly Argument<string> Spec = new("spec")
    {
        Description = "Baseline spec to start from (see models list); every parameter but the varied one is kept.",
    };

    private static readonly Option<string> Target = new("--target-pr")
    {
        Description = "Participation ratio to reach (≥ 1), e.g. that of a trained model on the same grid.",
        Required = true,
    };

    private static readonly Option<string> Parameter = new("--parameter")
    {
        Description = "Parameter to vary (d, lengthscale, width or spacing); default: the family's shape parameter, " +
            "keeping d fixed.",
    };

    private static readonly Option<string> Tolerance = new("--tolerance")
    {
        Description = "Accepted relative error |PR − target| / target, in (0, 1). [default: " +
            DimensionalityMatcher.DefaultRelativeTolerance.ToString(CultureInfo.InvariantCulture) + "]",
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
        command.Options.Add(ModelsPreviewCommand.Seed);
        ArenaSource.AddTo(command);
        command.SetAction((parse, cancellation) => Task.FromResult(Run(parse, registries, cancellation)));
        return command;
    }

    private static int Run(ParseResult parse, Func<DatasetRegistry> registries, CancellationToken cancellation)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var logging = NeuralPredictivity.Cli.Terminal.CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = logging.CreateLogger("predictivity.models.match");
        try
        {
            var problems = new List<SettingsProblem>();
            var reader = new RunCommandOptions.OptionReader(parse, problems);
            var settings = ModelsPreviewCommand.ReadSeed(reader, problems);
            var featureSeed = settings.SeedFor(SeedPurpose.Features);
            var spec = ReadSpec(parse.GetValue(Spec)!, featureSeed, problems);
            var target = reader.Number(Target);
            if (target is { } pr && !(pr >= 1 && double.IsFinite(pr)))
            {
                problems.Add(new SettingsProblem(Target.Name,
                    "a finite participation ratio ≥ 1 (a map of one feature has PR 1)", Format(pr)));
            }

            var tolerance = reader.Number(Tolerance) ?? DimensionalityMatcher.DefaultRelativeTolerance;
            if (!(tolerance > 0 && tolerance < 1))
            {
                problems.Add(new SettingsProblem(Tolerance.Name,
                    "a relative error strictly between 0 and 1, such as 0.01 (1 %)", Format(tolerance)));
            }

            var parameter = reader.Get(Parameter);
            if (spec is not null && parameter is not null)
            {
                CheckParameter(spec, parameter, problems);
            }

            var resolved = ArenaSource.Resolve(parse, registries(), logger, problems);
            if (problems.Count > 0 || resolved is not { } where || spec is null || target is null)
            {
                return RunCommand.ReportProblems(error, "models match", problems);
            }

            var (arena, grid, _, visited, _) = where;
            var matcher = new DimensionalityMatcher(logging.CreateLogger<DimensionalityMatcher>());
            var match = matcher.Match(spec, target.Value, grid, arena, parameter, tolerance, visited, cancellation);

            output.WriteLine($"{where.Heading}; seed {settings.Seed} (feature seed {featureSeed})");
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
        catch (OperationCanceledException)
        {
            error.WriteLine("predictivity models match: cancelled; no match was reported.");
            return RunCommand.Cancelled;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidDataException
                                   or NotSupportedException)
        {
            error.WriteLine($"error: {ErrorMessage.Of(ex)}");
            return 2;
        }
    }

    /// <summary>The baseline the spec names, seeded as a run seeds it; null with a problem naming the argument
    /// for a spec that does not parse or names a network, whose participation ratio is not a parameter.</summary>
    private static BaselineSpec? ReadSpec(string text, int featureSeed, List<SettingsProblem> problems)
    {
        var spec = ModelSpec.Parse(text, featureSeed, problems, SpecName);
        if (spec is { IsNetwork: true })
        {
            problems.Add(new SettingsProblem(SpecName,
                "a baseline family spec (" + string.Join(", ", BaselineFamilies.All.Select(f => f.Name)) +
                "): a network has no parameter that sets its participation ratio",
                $"'{text}', a network"));
        }

        return spec?.Baseline;
    }

    /// <summary>Adds a problem naming <c>--parameter</c> when the spec's family cannot vary it.</summary>
    private static void CheckParameter(BaselineSpec spec, string parameter, List<SettingsProblem> problems)
    {
        var family = spec.Inner?.Family ?? spec.Family;
        var matchable = family.Parameters.Where(p => p.IsMatchable).Select(p => p.Name).ToList();
        if (!matchable.Contains(parameter, StringComparer.OrdinalIgnoreCase))
        {
            problems.Add(new SettingsProblem(Parameter.Name,
                $"a parameter of {family.Name} that moves its participation ratio: {string.Join(", ", matchable)}",
                $"'{parameter}' ({family.Name} cannot match the participation ratio by varying it)"));
        }
    }

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
