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

/// <summary><c>predictivity gridscores</c>: grid scores of recorded neurons or of a network's units, with PNGs.</summary>
internal static class GridScoresCommand
{
    private static readonly Option<string?> Dataset = new("--dataset", "-d")
    {
        Description = "A mec-spikes-position/1 HDF5 file. Alone: score its neurons. With --model: its arena " +
                      "(and, for --protocol tracked, its trajectory) drive the network.",
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
        Description = "Square arena side in cm when --model is given without --dataset.", DefaultValueFactory = _ => 150,
    };

    private static readonly Option<double> BinSize = new("--bin-size")
    {
        Description = "Square bin side in cm.", DefaultValueFactory = _ => 5,
    };

    private static readonly Option<double> Smoothing = new("--smoothing")
    {
        Description = "Gaussian σ in bins for neuron rate maps (counts and occupancy smoothed separately); 0 = none.",
        DefaultValueFactory = _ => 1,
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
        Description = "Folder for gridscores.csv and the PNGs.", DefaultValueFactory = _ => "gridscores",
    };

    internal static Command Create()
    {
        var command = new Command(
            "gridscores",
            "Print 60° and 90° grid scores of a dataset's neurons or of a network's units, and write rate-map and " +
            "autocorrelogram PNGs.");
        foreach (var option in new Option[] { Dataset, Model, Protocol, ArenaSize, BinSize, Smoothing, Batches, Seed, Plots, Out })
        {
            command.Options.Add(option);
        }

        command.SetAction(Run);
        return command;
    }

    private static int Run(ParseResult parse)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var (datasetPath, modelPath, protocol) = (parse.GetValue(Dataset), parse.GetValue(Model), parse.GetValue(Protocol));
        var problems = new List<string>();
        if (datasetPath is null && modelPath is null)
        {
            problems.Add("give --dataset, --model or both");
        }

        if (protocol is not ("synthetic" or "tracked"))
        {
            problems.Add($"--protocol must be synthetic or tracked, got '{protocol}'");
        }
        else if (protocol == "tracked" && (datasetPath is null || modelPath is null))
        {
            problems.Add("--protocol tracked needs both --model and --dataset (the trajectory)");
        }

        if (!(parse.GetValue(BinSize) > 0) || !(parse.GetValue(ArenaSize) > 0) || parse.GetValue(Smoothing) < 0
            || parse.GetValue(Batches) < 1)
        {
            problems.Add("--bin-size, --arena-size and --batches must be positive and --smoothing ≥ 0");
        }

        if (problems.Count > 0)
        {
            error.WriteLine("gridscores: " + string.Join("; ", problems) + ".");
            return 2;
        }

        torch.set_num_threads(Math.Min(2, Environment.ProcessorCount));
        using var loggerFactory = CliLogging.Create(CommonOptions.MinimumLevel(parse));
        var logger = loggerFactory.CreateLogger("gridscores");
        try
        {
            var session = datasetPath is null ? null : MecSessionFile.Read(datasetPath);
            var arena = session is null
                ? new ArenaBox(0, 0, parse.GetValue(ArenaSize), parse.GetValue(ArenaSize))
                : new ArenaBox(0, 0, session.ArenaWidthCm, session.ArenaHeightCm);
            var grid = SpatialGrid.Centred(arena.CentreXCm, arena.CentreYCm, arena.WidthCm, arena.HeightCm, parse.GetValue(BinSize));
            var (maps, label) = modelPath is null
                ? (SessionRateMaps.Compute(session!, grid, parse.GetValue(Smoothing)), Path.GetFileNameWithoutExtension(datasetPath!))
                : ModelMaps(parse, modelPath, session, grid, arena, protocol!, logger, output);

            var scores = GridScores.Compute(maps);
            var folder = parse.GetValue(Out)!;
            Directory.CreateDirectory(folder);
            WriteCsv(Path.Combine(folder, "gridscores.csv"), label, maps, scores);
            Report(output, label, maps, scores);
            var plotted = PlotBest(folder, maps, scores, modelPath is null ? maps.ColumnCount : parse.GetValue(Plots), label);
            output.WriteLine($"wrote {Path.Combine(folder, "gridscores.csv")} and {plotted * 2} PNGs to {folder}/");
            return 0;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException)
        {
            logger.LogError("{Message}", ErrorMessage.Of(ex));
            return 1;
        }
    }

    private static (SpatialMaps Maps, string Label) ModelMaps(
        ParseResult parse, string modelPath, MecSessionFile? session, SpatialGrid grid, ArenaBox arena, string protocol,
        ILogger logger, TextWriter output)
    {
        using var network = modelPath == "bundled" ? PathIntegrator.LoadBundled() : PathIntegrator.Load(modelPath);
        output.WriteLine($"network: {network}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var maps = protocol == "tracked"
            ? NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, session!.T, session.X, session.Y, logger: logger)
            : NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena,
                new SyntheticTrajectoryProtocol { BatchCount = parse.GetValue(Batches), Seed = parse.GetValue(Seed) }, logger);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feature maps ({protocol}): {maps.BinCount} bins × {maps.ColumnCount} units in {watch.Elapsed.TotalSeconds:0.0} s"));
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
                $"median 60° score {finite[finite.Length / 2]:0.000}; {finite.Count(s => s > 0.3)} of {scores.Count} " +
                $"above 0.3; {scores.Count - finite.Length} undefined"));
        }
    }

    private static int PlotBest(string folder, SpatialMaps maps, IReadOnlyList<GridScore> scores, int count, string label)
    {
        var binCm = maps.Grid.XEdges[1] - maps.Grid.XEdges[0];
        var chosen = Enumerable.Range(0, scores.Count).OrderByDescending(i => Sortable(scores[i].Score60)).Take(count).ToArray();
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

    private static void WriteCsv(string path, string label, SpatialMaps maps, IReadOnlyList<GridScore> scores)
    {
        var text = new StringBuilder("source,map,score60,score90,outer_radius60,outer_radius90\n");
        for (var i = 0; i < scores.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{label},{maps.ColumnIds[i]},{scores[i].Score60:R},{scores[i].Score90:R},{scores[i].OuterRadius60:R},{scores[i].OuterRadius90:R}\n");
        }

        var temporary = path + ".tmp";
        File.WriteAllText(temporary, text.ToString());
        File.Move(temporary, path, overwrite: true);
    }

    private static double Sortable(double score) => double.IsFinite(score) ? score : double.NegativeInfinity;
}
