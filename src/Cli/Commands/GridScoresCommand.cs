using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Cli.Terminal;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Models;
using TorchSharp;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>
/// <c>predictivity gridscores</c>: grid scores of recorded neurons or of a network's units, with PNGs.
/// </summary>
/// <remarks>
/// <c>--dataset</c> is opened as <c>run</c> opens it (<see cref="DatasetOption"/>): a registered name or a
/// recording file, validated by the reader. Neuron maps are the toolkit's rate maps (<see cref="RateMaps"/>) on
/// the grid the run would use, speed-filtered at <c>--min-speed</c>; only the smoothing differs from the run's
/// default, because grid scores are read from smoothed maps. Exit codes: 0 success; 1 the maps could not be
/// built or written; 2 invalid options, or a dataset that cannot be found or read.
/// </remarks>
internal static class GridScoresCommand
{
    private const int Failed = 1;

    private static readonly Option<string?> Dataset = new(DatasetOption.Name, "-d")
    {
        Description = "A registered dataset name (see datasets list) or a recording file. Alone: score its " +
                      "neurons. With --model: its arena (and, for --protocol tracked, its trajectory) drive the " +
                      "network.",
    };

    private static readonly Option<string?> Model = new("--model", "-m")
    {
        Description = "Checkpoint (X, X.json or X.weights) or 'bundled' for the network shipped with the toolkit.",
    };

    private static readonly Option<string> Protocol = new("--protocol")
    {
        Description = "How the network is driven: synthetic (Nayebi et al. 2021 box trajectories) or tracked " +
                      "(the dataset's own trajectory).",
        DefaultValueFactory = _ => "synthetic",
    };

    private static readonly Option<double> ArenaSize = new("--arena-size")
    {
        Description = "Square arena side in cm when --model is given without --dataset.",
        DefaultValueFactory = _ => 150,
    };

    private static readonly Option<double> BinSize = new("--bin-size")
    {
        Description = "Square bin side in cm.", DefaultValueFactory = _ => SpatialGrid.DefaultBinSizeCm,
    };

    private static readonly Option<double> Smoothing = new("--smoothing")
    {
        Description = "Gaussian σ in bins for neuron rate maps (counts and occupancy smoothed separately); 0 = none.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<double> MinSpeed = new("--min-speed")
    {
        Description = "Neuron rate maps count position samples and spikes only at or above this running speed, " +
                      "in cm/s; 0 = every tracked sample.",
        DefaultValueFactory = _ => new RateMapOptions().MinSpeedCmPerS,
    };

    private static readonly Option<int> Batches = new("--batches")
    {
        Description = "Synthetic protocol: batches of 200 trajectories × 20 steps.", DefaultValueFactory = _ => 100,
    };

    private static readonly Option<int> Seed = new("--seed")
    {
        Description = "Seed of the synthetic trajectories.", DefaultValueFactory = _ => 0,
    };

    private static readonly Option<int> Plots = new("--plots")
    {
        Description = "Number of maps to plot (highest 60° scores first); every neuron of a dataset is plotted.",
        DefaultValueFactory = _ => 8,
    };

    private static readonly Option<string> Out = new("--out", "-o")
    {
        Description = "Folder for gridscores.csv and the PNGs (created if missing).",
        DefaultValueFactory = _ => "gridscores",
    };

    /// <param name="registry">Where <c>--dataset</c> names are looked up; the user's registry when null.</param>
    internal static Command Create(Func<DatasetRegistry>? registry = null)
    {
        registry ??= DatasetRegistry.Default;
        var command = new Command(
            "gridscores",
            "Print 60° and 90° grid scores of a dataset's neurons or of a network's units, and write rate-map and " +
            "autocorrelogram PNGs.");
        foreach (var option in new Option[]
                 {
                     Dataset, Model, Protocol, ArenaSize, BinSize, Smoothing, MinSpeed, Batches, Seed, Plots, Out,
                 })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(parse, registry));
        return command;
    }

    private static int Run(ParseResult parse, Func<DatasetRegistry> registries)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var (dataset, modelPath, protocol) = (parse.GetValue(Dataset), parse.GetValue(Model), parse.GetValue(Protocol));
        var problems = Validate(parse, dataset, modelPath, protocol!);
        if (problems.Count > 0)
        {
            return RunCommand.ReportProblems(error, "gridscores", problems);
        }

        torch.set_num_threads(Math.Min(2, Environment.ProcessorCount));
        using var loggerFactory = CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = loggerFactory.CreateLogger("gridscores");
        try
        {
            var recording = dataset is null ? null : DatasetOption.Open(registries(), dataset, logger);
            PositionTrack? track = null;
            if (recording is not null && (modelPath is null || protocol == "tracked"))
            {
                var need = modelPath is null
                    ? DatasetOption.RateMapsNeed
                    : "the tracked protocol drives the network along the animal's path";
                track = DatasetOption.RequirePosition(recording, dataset!, need);
            }

            var arena = recording is null
                ? Arena.Square(parse.GetValue(ArenaSize))
                : DatasetOption.RequireArena(recording, dataset!);
            var grid = SpatialGrid.ForArena(arena, parse.GetValue(BinSize));
            var (maps, label) = modelPath is null
                ? (NeuronMaps(parse, recording!, grid, logger), recording!.Name)
                : ModelMaps(parse, modelPath, track, grid, ArenaBox.Of(arena), protocol!, logger, output);

            var scores = GridScores.Compute(maps);
            var folder = parse.GetValue(Out)!;
            Directory.CreateDirectory(folder);
            WriteCsv(Path.Combine(folder, "gridscores.csv"), label, maps, scores);
            Report(output, label, maps, scores);
            var plotCount = modelPath is null ? maps.ColumnCount : parse.GetValue(Plots);
            var plotted = PlotBest(folder, maps, scores, plotCount, label);
            output.WriteLine($"wrote {Path.Combine(folder, "gridscores.csv")} and {plotted * 2} PNGs to {folder}/");
            return 0;
        }
        catch (InvalidSettingsException ex)
        {
            return RunCommand.ReportProblems(error, "gridscores", ex.Problems);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException
                                   or NotSupportedException or UnauthorizedAccessException)
        {
            logger.LogError("{Message}", ErrorMessage.Of(ex));
            error.WriteLine($"predictivity gridscores: failed: {ErrorMessage.Of(ex)}");
            return Failed;
        }
    }

    /// <summary>Every problem with the options, each naming its option; checked before any file is read.</summary>
    private static List<SettingsProblem> Validate(
        ParseResult parse, string? dataset, string? modelPath, string protocol)
    {
        var problems = new List<SettingsProblem>();
        if (dataset is null && modelPath is null)
        {
            problems.Add(new SettingsProblem("--dataset, --model",
                "at least one of them (a dataset's neurons, a network's units, or the network on the dataset's arena)",
                "neither"));
        }

        if (protocol is not ("synthetic" or "tracked"))
        {
            problems.Add(new SettingsProblem("--protocol", "synthetic or tracked", $"'{protocol}'"));
        }
        else if (protocol == "tracked" && (dataset is null || modelPath is null))
        {
            problems.Add(new SettingsProblem("--protocol",
                "tracked only with both --model and --dataset (the dataset's trajectory drives the network)",
                dataset is null ? "tracked without --dataset" : "tracked without --model"));
        }

        CheckNumber(problems, BinSize, parse.GetValue(BinSize), "a positive number of cm", v => v > 0);
        CheckNumber(problems, ArenaSize, parse.GetValue(ArenaSize), "a positive number of cm", v => v > 0);
        CheckNumber(problems, Smoothing, parse.GetValue(Smoothing), "a number of bins ≥ 0 (0 = none)", v => v >= 0);
        CheckNumber(problems, MinSpeed, parse.GetValue(MinSpeed), "a speed ≥ 0 cm/s (0 = no filter)", v => v >= 0);
        CheckNumber(problems, Batches, parse.GetValue(Batches), "at least 1 batch", v => v >= 1);
        CheckNumber(problems, Plots, parse.GetValue(Plots), "0 or more maps", v => v >= 0);
        return problems;
    }

    private static void CheckNumber(
        List<SettingsProblem> problems, Option option, double value, string expected, Func<double, bool> valid)
    {
        if (!double.IsFinite(value) || !valid(value))
        {
            problems.Add(new SettingsProblem(option.Name, expected, value.ToString("R", CultureInfo.InvariantCulture)));
        }
    }

    /// <summary>The recording's rate maps (bins × neurons, Hz) exactly as the run builds them, smoothed as asked.
    /// </summary>
    private static SpatialMaps NeuronMaps(ParseResult parse, Recording recording, SpatialGrid grid, ILogger logger)
    {
        var options = new RateMapOptions
        {
            SmoothingSigmaBins = parse.GetValue(Smoothing),
            MinSpeedCmPerS = parse.GetValue(MinSpeed),
        };
        return RateMaps.Compute(recording, grid, options, logger);
    }

    private static (SpatialMaps Maps, string Label) ModelMaps(
        ParseResult parse, string modelPath, PositionTrack? track, SpatialGrid grid, ArenaBox arena, string protocol,
        ILogger logger, TextWriter output)
    {
        using var network = modelPath == "bundled" ? PathIntegrator.LoadBundled() : PathIntegrator.Load(modelPath);
        output.WriteLine($"network: {network}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var maps = protocol == "tracked"
            ? NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, track!.Times, track.X, track.Y,
                logger: logger)
            : NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena,
                new SyntheticTrajectoryProtocol { BatchCount = parse.GetValue(Batches), Seed = parse.GetValue(Seed) },
                logger);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feature maps ({protocol}): {maps.BinCount} bins × {maps.ColumnCount} units in " +
            $"{watch.Elapsed.TotalSeconds:0.0} s"));
        var name = modelPath == "bundled" ? PathIntegrator.BundledName : Path.GetFileNameWithoutExtension(modelPath);
        return (maps, $"{name}_{protocol}");
    }

    private static void Report(TextWriter output, string label, SpatialMaps maps, IReadOnlyList<GridScore> scores)
    {
        var order = Enumerable.Range(0, scores.Count).OrderByDescending(i => Sortable(scores[i].Score60)).ToArray();
        output.WriteLine($"{label}: {maps.ColumnCount} maps on {maps.Grid}");
        output.WriteLine($"{"map",-14} {"score60",8} {"score90",8}");
        foreach (var i in order.Take(maps.ColumnCount <= 20 ? maps.ColumnCount : 10))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{maps.ColumnIds[i],-14} {scores[i].Score60,8:0.000} {scores[i].Score90,8:0.000}"));
        }

        var finite = scores.Select(s => s.Score60).Where(double.IsFinite).Order().ToArray();
        if (finite.Length > 0)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median 60° score {finite[finite.Length / 2]:0.000}; " +
                $"{finite.Count(s => s > 0.3)} of {scores.Count} above 0.3; {scores.Count - finite.Length} undefined"));
        }
    }

    private static int PlotBest(
        string folder, SpatialMaps maps, IReadOnlyList<GridScore> scores, int count, string label)
    {
        var binCm = maps.Grid.XEdges[1] - maps.Grid.XEdges[0];
        var chosen = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => Sortable(scores[i].Score60))
            .Take(count)
            .ToArray();
        foreach (var i in chosen)
        {
            var id = maps.ColumnIds[i];
            var caption = string.Create(CultureInfo.InvariantCulture,
                $"{label} {id}: 60° {scores[i].Score60:0.00}, 90° {scores[i].Score90:0.00}");
            GridScorePlots.SaveMap(Path.Combine(folder, $"{id}_map.png"), maps, i, caption);
            var sac = GridScores.Autocorrelogram(maps.Column(i), maps.Grid.ColumnCount, maps.Grid.RowCount);
            GridScorePlots.SaveAutocorrelogram(Path.Combine(folder, $"{id}_autocorrelogram.png"), sac, binCm, caption);
        }

        return chosen.Length;
    }

    /// <summary>One row per map; written beside the target and renamed, so a reader never sees half a file and
    /// a failed write leaves the previous CSV in place.</summary>
    private static void WriteCsv(string path, string label, SpatialMaps maps, IReadOnlyList<GridScore> scores)
    {
        var text = new StringBuilder("source,map,score60,score90,outer_radius60,outer_radius90\n");
        for (var i = 0; i < scores.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{label},{maps.ColumnIds[i]},{scores[i].Score60:R},{scores[i].Score90:R},");
            text.Append(CultureInfo.InvariantCulture,
                $"{scores[i].OuterRadius60:R},{scores[i].OuterRadius90:R}\n");
        }

        var temporary = path + ".tmp";
        try
        {
            File.WriteAllText(temporary, text.ToString());
            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static double Sortable(double score) => double.IsFinite(score) ? score : double.NegativeInfinity;
}
