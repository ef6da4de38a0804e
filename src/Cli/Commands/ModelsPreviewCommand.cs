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

    private static readonly Argument<string[]> Specs = new("specs")
    {
        Description = "Baseline or network specs (see models list: trained, untrained, shuffled, random-fourier, " +
            "…); d is replaced by each --d value. Default: one of each baseline family.",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<int> TrajectoryBatches = new("--trajectory-batches")
    {
        Description = "Networks only: batches of 200 synthetic trajectories × 20 steps that build their maps.",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<string> Dimensions = new("--d")
    {
        Description = "Comma-separated feature counts d to generate.",
        DefaultValueFactory = _ => "8,64,512",
    };

    private static readonly Option<int> Panels = new("--maps")
    {
        Description = "Feature maps drawn per PNG (the first ones of each map); 0 draws none.",
        DefaultValueFactory = _ => 6,
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
        ArenaSource.AddTo(command);
        command.SetAction(parse => Run(parse, registries));
        return command;
    }

    private static int Run(ParseResult parse, Func<DatasetRegistry> registries)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        using var logging = NeuralPredictivity.Cli.Terminal.CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = logging.CreateLogger("predictivity.models.preview");
        try
        {
            var texts = parse.GetValue(Specs) is { Length: > 0 } given ? given : DefaultSpecs;
            var networks = texts.Select(NetworkPreview.ParseNetwork).ToArray();
            var specs = texts.Select((t, i) => networks[i] is null ? BaselineSpec.Parse(t) : null).ToArray();
            var batches = parse.GetValue(TrajectoryBatches);
            var dimensions = ParseDimensions(parse.GetValue(Dimensions)!);
            var panels = parse.GetValue(Panels);
            if (panels < 0)
            {
                throw new ArgumentException($"--maps: expected 0 or more maps per PNG, got {panels}.");
            }

            var folder = parse.GetValue(Output);
            var (arena, grid, label) = ArenaSource.Resolve(parse, registries(), logger);
            output.WriteLine($"{label}; grid {grid}");
            output.WriteLine($"{"spec",-72} {"d",5} {"bins",5} {"PR",8} {"PCs 80%",7} {"PCs 90%",7}");

            if (folder is not null)
            {
                Directory.CreateDirectory(folder);
            }

            for (var s = 0; s < specs.Length; s++)
            {
                if (networks[s] is { } network)
                {
                    NetworkPreview.Write(output, network, dimensions, grid, arena, batches, folder, panels, s, logger);
                    continue;
                }

                foreach (var d in dimensions)
                {
                    var maps = BaselineFamilies.Generate(specs[s]!.WithDimension(d), grid, arena, logger);
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
        catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidDataException
                                   or NotSupportedException)
        {
            error.WriteLine($"error: {ErrorMessage.Of(ex)}");
            return 2;
        }
    }

    internal static IReadOnlyList<int> ParseDimensions(string text)
    {
        var values = new List<int>();
        foreach (var item in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(item, NumberStyles.None, CultureInfo.InvariantCulture, out var d) || d < 1)
            {
                throw new ArgumentException(
                    $"--d: expected comma-separated positive integers such as 8,64,512, got '{item}'.");
            }

            values.Add(d);
        }

        return values.Count > 0
            ? values
            : throw new ArgumentException($"--d: expected at least one feature count, got '{text}'.");
    }

    private static string FamilyLabel(BaselineSpec spec) =>
        spec.Inner is null ? spec.Family.Name : $"{spec.Family.Name} {spec.Inner.Family.Name}";

    internal static string FileName(string family, int index, int d) => string.Create(
        CultureInfo.InvariantCulture, $"{index:00}_{family.Replace(' ', '-').Replace(':', '-')}_d{d}.png");
}
