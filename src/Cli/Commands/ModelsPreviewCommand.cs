using System.CommandLine;
using System.Globalization;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Plots;
using NeuralPredictivity.Cli.Terminal;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>
/// <c>predictivity models preview</c>: generates families at several d on a recording's grid, prints
/// each map's participation ratio and draws a few of its features as PNG.
/// </summary>
/// <remarks>
/// Specs are parsed as <c>run --model</c> parses them (<see cref="ModelSpec"/>), with the feature seed a run
/// derives from <c>--seed</c>, and networks are driven along the run's trajectories, so a spec previewed here is
/// the map a run with the same <c>--seed</c> regresses. Every option problem is reported at once, naming the
/// option, before the dataset is read.
/// <para>PR is measured on the bins the run would regress on: those of the dataset's grid that the animal
/// visited at <c>--min-speed</c> (the <c>bins</c> column), or every bin of an <c>--arena</c>.</para>
/// </remarks>
internal static class ModelsPreviewCommand
{
    /// <summary>One spec per position family and the shuffled control, used when none is given.</summary>
    internal static readonly string[] DefaultSpecs =
    [
        "random-fourier",
        "random-relu",
        "random-relu:input=position",
        "place-cells",
        "place-cells:profile=dog",
        "grid-cells",
        "shuffled:grid-cells",
    ];

    private const string SpecsName = "<specs>";

    private static readonly Argument<string[]> Specs = new("specs")
    {
        Description = $"Baseline or network specs (families: {string.Join(", ", ModelSpec.FamilyNames)}; see " +
            "models list); d is replaced by each --d value. Default: one of each baseline family.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string> TrajectoryBatches = new("--trajectory-batches")
    {
        Description = "Networks only: batches of 200 synthetic trajectories × 20 steps that build their maps. " +
            "[default: 100]",
    };

    private static readonly Option<string> Dimensions = new("--d")
    {
        Description = "Comma-separated feature counts d to generate. [default: 8,64,512]",
    };

    private static readonly Option<string> Panels = new("--maps")
    {
        Description = "Feature maps drawn per PNG (the first ones of each map); 0 draws none. [default: 6]",
    };

    /// <summary><c>--seed</c> of <c>models preview</c> and <c>models match</c>: the master seed of a run.</summary>
    internal static readonly Option<string> Seed = new("--seed")
    {
        Description = "Master seed, as in run: a spec without seed= takes the feature seed a run derives from it " +
            "(and networks the run's trajectories), so the maps are the run's. [default: 0]",
    };

    private static readonly Option<string?> Output = new("--out")
    {
        Description = "Folder for the PNGs (created if missing); without it no PNG is written.",
    };

    internal static Command Create(Func<DatasetRegistry> registries)
    {
        var command = new Command(
            "preview",
            "Generate baseline or network maps at several d on a recording's grid, print each map's " +
            "participation ratio and draw a few of its features as PNG.");
        command.Arguments.Add(Specs);
        command.Options.Add(Dimensions);
        command.Options.Add(Panels);
        command.Options.Add(Output);
        command.Options.Add(TrajectoryBatches);
        command.Options.Add(Seed);
        ArenaSource.AddTo(command);
        command.SetAction((parse, cancellation) => Task.FromResult(Run(parse, registries, cancellation)));
        return command;
    }

    private static int Run(ParseResult parse, Func<DatasetRegistry> registries, CancellationToken cancellation)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var logging = NeuralPredictivity.Cli.Terminal.CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = logging.CreateLogger("predictivity.models.preview");
        try
        {
            var problems = new List<SettingsProblem>();
            var reader = new RunCommandOptions.OptionReader(parse, problems);
            var settings = ReadSeed(reader, problems) with
            {
                TrajectoryBatches = reader.Integer(TrajectoryBatches) ?? new RunSettings().TrajectoryBatches,
            };
            problems.AddRange(settings.Validate().Where(p => p.Option == TrajectoryBatches.Name));
            var dimensions = ParseDimensions(reader.Get(Dimensions) ?? "8,64,512", problems);
            var panels = reader.Integer(Panels) ?? 6;
            if (panels < 0)
            {
                problems.Add(new SettingsProblem(Panels.Name, "0 or more maps per PNG (0 draws none)",
                    panels.ToString(CultureInfo.InvariantCulture)));
            }

            var featureSeed = settings.SeedFor(SeedPurpose.Features);
            var texts = parse.GetValue(Specs) is { Length: > 0 } given ? given : DefaultSpecs;
            var networks = new ModelSpec?[texts.Length];
            var specs = new BaselineSpec?[texts.Length];
            for (var i = 0; i < texts.Length; i++)
            {
                var before = problems.Count;
                networks[i] = NetworkPreview.ParseNetwork(texts[i], featureSeed, problems, SpecsName);
                if (networks[i] is null && problems.Count == before)
                {
                    specs[i] = ModelSpec.Parse(texts[i], featureSeed, problems, SpecsName)?.Baseline;
                }
            }

            for (var i = 0; i < texts.Length; i++)
            {
                // Every d is checked against the family's own range now, before any map is made.
                if (specs[i] is not { } spec)
                {
                    continue;
                }

                var range = spec.Parameter("d");
                foreach (var d in dimensions.Where(d => d < range.Minimum || d > range.Maximum))
                {
                    problems.Add(new SettingsProblem(Dimensions.Name,
                        $"{range.ValidValues} for {spec.Family.Name}",
                        $"{d.ToString(CultureInfo.InvariantCulture)} (for '{texts[i]}')"));
                }
            }

            var folder = parse.GetValue(Output);
            if (folder is not null && OutputLocation.Problem(Output.Name, folder) is { } location)
            {
                problems.Add(location);
            }
            var resolved = ArenaSource.Resolve(parse, registries(), logger, problems);
            if (problems.Count > 0 || resolved is not { } where)
            {
                return RunCommand.ReportProblems(error, "models preview", problems);
            }

            var (arena, grid, _, visited, _) = where;
            output.WriteLine($"{where.Heading}; seed {settings.Seed} (feature seed {featureSeed})");
            output.WriteLine($"{"spec",-72} {"d",5} {"bins",5} {"PR",8} {"PCs 80%",7} {"PCs 90%",7}");

            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            for (var s = 0; s < specs.Length; s++)
            {
                cancellation.ThrowIfCancellationRequested();
                if (networks[s] is { } network)
                {
                    NetworkPreview.Write(
                        output, network, dimensions, grid, arena, visited, settings, folder, panels, s, logger);
                    continue;
                }

                foreach (var d in dimensions)
                {
                    cancellation.ThrowIfCancellationRequested();
                    var maps = BaselineFamilies.Generate(specs[s]!.WithDimension(d), grid, arena, logger);
                    maps = visited is null ? maps : maps.On(visited);
                    var report = maps.Dimensionality;
                    output.WriteLine(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{maps.Spec,-72} {d,5} {maps.DefinedBinCount,5} {report.ParticipationRatio,8:0.00} " +
                        $"{report.ComponentsFor80Percent,7} {report.ComponentsFor90Percent,7}"));
                    if (folder is not null && panels > 0)
                    {
                        var path = Path.Combine(folder, FileName(FamilyLabel(specs[s]!), s, d));
                        var title = string.Create(
                            CultureInfo.InvariantCulture,
                            $"{FamilyLabel(specs[s]!)} d={d} PR={report.ParticipationRatio:0.0}");
                        var columns = Enumerable.Range(0, Math.Min(panels, d)).ToArray();
                        FeatureMapFigure.Save(maps.Maps, columns, title, path);
                        output.WriteLine($"    wrote {path}");
                    }
                }
            }

            return 0;
        }
        catch (InvalidSettingsException ex)
        {
            return RunCommand.ReportProblems(error, "models preview", ex.Problems);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("predictivity models preview: cancelled; the rows and PNGs above are complete, no more " +
                "were written.");
            return RunCommand.Cancelled;
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidDataException
                                   or NotSupportedException)
        {
            error.WriteLine($"error: {ErrorMessage.Of(ex)}");
            return 2;
        }
    }

    /// <summary>The settings of a run with the <c>--seed</c> given (default 0), whose derived seeds the maps
    /// take; a seed that is not an integer ≥ 0 is a problem worded as <c>run</c> words it.</summary>
    internal static RunSettings ReadSeed(RunCommandOptions.OptionReader reader, List<SettingsProblem> problems)
    {
        var settings = new RunSettings { Seed = reader.Integer(Seed) ?? 0 };
        var invalid = settings.Validate().Where(p => p.Option == Seed.Name).ToList();
        problems.AddRange(invalid);
        return invalid.Count == 0 ? settings : settings with { Seed = 0 };
    }

    /// <summary>The feature counts of <c>--d</c>; problems name the option and the bad item.</summary>
    internal static IReadOnlyList<int> ParseDimensions(string text, List<SettingsProblem> problems)
    {
        var values = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1)
            {
                problems.Add(new SettingsProblem(Dimensions.Name,
                    "comma-separated positive integers such as 8,64,512", $"'{item}' in '{text}'"));
                continue;
            }

            values.Add(d);
        }

        if (values.Count == 0 && problems.All(p => p.Option != Dimensions.Name))
        {
            problems.Add(new SettingsProblem(Dimensions.Name, "at least one feature count such as 8,64,512",
                $"'{text}'"));
        }

        return values;
    }

    private static string FamilyLabel(BaselineSpec spec) =>
        spec.Inner is null ? spec.Family.Name : $"{spec.Family.Name} {spec.Inner.Family.Name}";

    internal static string FileName(string family, int index, int d) => string.Create(
        CultureInfo.InvariantCulture, $"{index:00}_{family.Replace(' ', '-').Replace(':', '-')}_d{d}.png");
}
