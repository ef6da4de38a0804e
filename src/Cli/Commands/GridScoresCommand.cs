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

    private const string Synthetic = "synthetic";

    private const string Animal = "animal";

    private static readonly Option<string?> Dataset = new(DatasetOption.Name, "-d")
    {
        Description = "A registered dataset name (see datasets list) or a recording file. Alone: score its " +
                      "neurons. With --model: its arena (and, for --trajectory animal, its trajectory) drive the " +
                      "network.",
    };

    private static readonly Option<string?> Model = new("--model", "-m")
    {
        Description = "'trained' (or 'bundled') for the network shipped with the toolkit, or a checkpoint (X, X.json " +
                      "or X.weights).",
    };

    private static readonly Option<string> Trajectory = new("--trajectory")
    {
        Description = "Path driving the network, as in run: synthetic (random walks in the arena, Nayebi et al. " +
                      "2021) or animal (the dataset's recorded path).",
        DefaultValueFactory = _ => "synthetic",
    };

    // Hidden names this command had before it took run's; scripts that use them keep working.
    private static readonly Option<string?> OldProtocol = new("--protocol")
    {
        Description = "Old name of --trajectory (synthetic or tracked, tracked = animal).", Hidden = true,
    };

    private static readonly Option<double> ArenaSize = new("--arena-size")
    {
        Description = "Square arena side in cm when --model is given without --dataset.",
        DefaultValueFactory = _ => 150,
    };

    private static readonly Option<string> BinSize = new(BinSizeOption.Name)
    {
        Description = "Square bin side (cm unless a unit is given: 5cm, 50mm, 0.05m); at most 40,000 bins over " +
                      "the arena.",
        DefaultValueFactory = _ => "5",
    };

    private static readonly Option<double> Smooth = new("--smooth")
    {
        Description = "Gaussian σ in bins for neuron rate maps (counts and occupancy smoothed separately); " +
                      "0 = none. Default 1, not run's 0: grid scores are read from smoothed maps.",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<double?> OldSmoothing = new("--smoothing")
    {
        Description = "Old name of --smooth.", Hidden = true,
    };

    private static readonly Option<double> MinSpeed = new("--min-speed")
    {
        Description = "Neuron rate maps count position samples and spikes only at or above this running speed, " +
                      "in cm/s; 0 = every tracked sample.",
        DefaultValueFactory = _ => new RateMapOptions().MinSpeedCmPerS,
    };

    private static readonly Option<int> TrajectoryBatches = new("--trajectory-batches")
    {
        Description = "Synthetic trajectory: batches of 200 trajectories × 20 steps that build the network's maps.",
        DefaultValueFactory = _ => 100,
    };

    private static readonly Option<int?> OldBatches = new("--batches")
    {
        Description = "Old name of --trajectory-batches.", Hidden = true,
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
                     Dataset, Model, Trajectory, ArenaSize, BinSize, Smooth, MinSpeed, TrajectoryBatches, Seed, Plots,
                     Out, OldProtocol, OldSmoothing, OldBatches,
                 })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellation) => Task.FromResult(Run(parse, registry, cancellation)));
        return command;
    }

    private static int Run(ParseResult parse, Func<DatasetRegistry> registries, CancellationToken cancellation)
    {
        var output = parse.InvocationConfiguration.Output;
        var error = parse.InvocationConfiguration.Error;
        var problems = new List<SettingsProblem>();
        var settings = Read(parse, problems);
        var (dataset, modelPath, trajectory) = (settings.Dataset, settings.Model, settings.Trajectory);
        Validate(parse, settings, problems);
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
            if (recording is not null && modelPath is null && recording.Neurons.Count == 0)
            {
                throw new InvalidSettingsException([DatasetOption.WithoutUnits(recording)]);
            }

            PositionTrack? track = null;
            if (recording is not null && (modelPath is null || trajectory == Animal))
            {
                var need = modelPath is null
                    ? DatasetOption.RateMapsNeed
                    : "--trajectory animal drives the network along the animal's path";
                track = DatasetOption.RequirePosition(recording, dataset!, need);
            }

            var arena = recording is null
                ? Arena.Square(parse.GetValue(ArenaSize))
                : DatasetOption.RequireArena(recording, dataset!);
            var binSize = BinSizeOption.ParseCm(parse.GetValue(BinSize));
            if (BinSizeOption.Check(arena, binSize, recording is null ? "--arena-size" : $"'{dataset}'") is { } bins)
            {
                throw new InvalidSettingsException([bins]);
            }

            var grid = SpatialGrid.ForArena(arena, binSize);
            var (maps, label) = modelPath is null
                ? (NeuronMaps(parse, settings, recording!, grid, logger), recording!.Name)
                : ModelMaps(parse, settings, track, grid, ArenaBox.Of(arena), logger, output);

            cancellation.ThrowIfCancellationRequested();
            var scores = GridScores.Compute(maps);
            cancellation.ThrowIfCancellationRequested();
            var folder = parse.GetValue(Out)!;
            Directory.CreateDirectory(folder);
            WriteCsv(Path.Combine(folder, "gridscores.csv"), label, maps, scores);
            Report(output, label, maps, scores);
            var plotCount = modelPath is null ? maps.ColumnCount : parse.GetValue(Plots);
            var valueLabel = modelPath is null ? GridScorePlots.RateLabel : GridScorePlots.ActivationLabel;
            var plotted = PlotBest(folder, maps, scores, plotCount, label, valueLabel, cancellation);
            output.WriteLine($"wrote {Path.Combine(folder, "gridscores.csv")} and {plotted * 2} PNGs to {folder}/");
            return 0;
        }
        catch (InvalidSettingsException ex)
        {
            return RunCommand.ReportProblems(error, "gridscores", ex.Problems);
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("predictivity gridscores: cancelled; files already written are complete, no more were " +
                "written.");
            return RunCommand.Cancelled;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or ArgumentException
                                   or NotSupportedException or UnauthorizedAccessException)
        {
            // Printed once: a log line as well would repeat the same sentence on the same terminal.
            error.WriteLine($"predictivity gridscores: failed: {ErrorMessage.Of(ex)}");
            return Failed;
        }
    }

    /// <summary>The options as given, with the old names of three of them (see <see cref="OldProtocol"/>)
    /// resolved to run's names and values.</summary>
    private sealed record Settings(string? Dataset, string? Model, string Trajectory, double Smooth, int Batches);

    /// <summary>Reads the options; giving an option and its old name together is a problem.</summary>
    private static Settings Read(ParseResult parse, List<SettingsProblem> problems)
    {
        var trajectory = parse.GetValue(Trajectory)!;
        if (parse.GetValue(OldProtocol) is { } protocol)
        {
            trajectory = protocol switch
            {
                "tracked" => Animal,
                "synthetic" => Synthetic,
                _ => Refuse(problems, OldProtocol, "synthetic or tracked (its new name --trajectory takes synthetic " +
                    "or animal)", $"'{protocol}'", trajectory),
            };
        }

        return new Settings(
            parse.GetValue(Dataset),
            parse.GetValue(Model),
            Newer(parse, Trajectory, OldProtocol, trajectory, problems),
            Newer(parse, Smooth, OldSmoothing, parse.GetValue(OldSmoothing) ?? parse.GetValue(Smooth), problems),
            Newer(parse, TrajectoryBatches, OldBatches, parse.GetValue(OldBatches) ?? parse.GetValue(TrajectoryBatches),
                problems));
    }

    /// <summary><paramref name="value"/>, after checking that <paramref name="option"/> and its old name were
    /// not both given.</summary>
    private static T Newer<T>(ParseResult parse, Option option, Option old, T value, List<SettingsProblem> problems)
    {
        if (parse.GetResult(option) is { Implicit: false } && parse.GetResult(old) is not null)
        {
            problems.Add(new SettingsProblem(option.Name, $"either {option.Name} or its old name {old.Name}",
                "both"));
        }

        return value;
    }

    private static string Refuse(
        List<SettingsProblem> problems, Option option, string expected, string found, string fallback)
    {
        problems.Add(new SettingsProblem(option.Name, expected, found));
        return fallback;
    }

    /// <summary>'trained' and 'bundled' both name the network shipped with the toolkit, as in run's --model.
    /// </summary>
    private static bool IsBundled(string model) =>
        model.Equals("trained", StringComparison.OrdinalIgnoreCase)
        || model.Equals("bundled", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adds every problem with the options, each naming its option; checked before any file is read.
    /// </summary>
    private static void Validate(ParseResult parse, Settings settings, List<SettingsProblem> problems)
    {
        var (dataset, model, trajectory) = (settings.Dataset, settings.Model, settings.Trajectory);
        if (dataset is null && model is null)
        {
            problems.Add(new SettingsProblem("--dataset, --model",
                "at least one of them (a dataset's neurons, a network's units, or the network on the dataset's arena)",
                "neither"));
        }

        if (model is not null && !IsBundled(model) && !File.Exists(CheckpointBase(model) + ".json"))
        {
            problems.Add(new SettingsProblem(Model.Name,
                "'trained' (or 'bundled') for the network shipped with the toolkit, or an existing checkpoint " +
                "(X, X.json or X.weights, with X.json beside it)",
                $"'{model}', which is neither (no {CheckpointBase(model)}.json)"));
        }

        if (trajectory is not (Synthetic or Animal))
        {
            problems.Add(new SettingsProblem(Trajectory.Name, "one of synthetic, animal", $"'{trajectory}'"));
        }
        else if (trajectory == Animal && (dataset is null || model is null))
        {
            problems.Add(new SettingsProblem(Trajectory.Name,
                "animal only with both --model and --dataset (the dataset's recorded path drives the network)",
                dataset is null ? "animal without --dataset" : "animal without --model"));
        }

        BinSizeOption.Read(parse.GetValue(BinSize)!, problems);
        CheckNumber(problems, ArenaSize, parse.GetValue(ArenaSize), "a positive number of cm", v => v > 0);
        CheckNumber(problems, Smooth, settings.Smooth, "a number of bins ≥ 0 (0 = none)", v => v >= 0);
        CheckNumber(problems, MinSpeed, parse.GetValue(MinSpeed), "a speed ≥ 0 cm/s (0 = no filter)", v => v >= 0);
        CheckNumber(problems, TrajectoryBatches, settings.Batches, "at least 1 batch", v => v >= 1);
        CheckNumber(problems, Plots, parse.GetValue(Plots), "0 or more maps", v => v >= 0);
        if (OutputLocation.Problem(Out.Name, parse.GetValue(Out)!) is { } location)
        {
            problems.Add(location);
        }
    }

    /// <summary>X for a checkpoint given as X, X.json or X.weights.</summary>
    private static string CheckpointBase(string path) =>
        path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? path[..^".json".Length]
        : path.EndsWith(".weights", StringComparison.OrdinalIgnoreCase) ? path[..^".weights".Length]
        : path;

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
    private static SpatialMaps NeuronMaps(
        ParseResult parse, Settings settings, Recording recording, SpatialGrid grid, ILogger logger)
    {
        var options = new RateMapOptions
        {
            SmoothingSigmaBins = settings.Smooth,
            MinSpeedCmPerS = parse.GetValue(MinSpeed),
        };
        return RateMaps.Compute(recording, grid, options, logger);
    }

    private static (SpatialMaps Maps, string Label) ModelMaps(ParseResult parse, Settings settings,
        PositionTrack? track, SpatialGrid grid, ArenaBox arena, ILogger logger, TextWriter output)
    {
        var (model, trajectory) = (settings.Model!, settings.Trajectory);
        using var network = IsBundled(model) ? PathIntegrator.LoadBundled() : PathIntegrator.Load(model);
        output.WriteLine($"network: {network}");
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var maps = trajectory == Animal
            ? NetworkFeatureMaps.FromTrackedTrajectory(network, grid, arena, track!.Times, track.X, track.Y,
                logger: logger)
            : NetworkFeatureMaps.FromSyntheticTrajectories(network, grid, arena,
                new SyntheticTrajectoryProtocol { BatchCount = settings.Batches, Seed = parse.GetValue(Seed) },
                logger);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"feature maps ({trajectory} trajectory): {maps.BinCount} bins × {maps.ColumnCount} units in " +
            $"{watch.Elapsed.TotalSeconds:0.0} s"));
        var name = IsBundled(model) ? PathIntegrator.BundledName : Path.GetFileName(CheckpointBase(model));
        return (maps, $"{name}_{trajectory}");
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

    private static int PlotBest(string folder, SpatialMaps maps, IReadOnlyList<GridScore> scores, int count,
        string label, string valueLabel, CancellationToken cancellation)
    {
        var binCm = maps.Grid.XEdges[1] - maps.Grid.XEdges[0];
        var chosen = Enumerable.Range(0, scores.Count)
            .OrderByDescending(i => Sortable(scores[i].Score60))
            .Take(count)
            .ToArray();
        foreach (var i in chosen)
        {
            cancellation.ThrowIfCancellationRequested();
            var id = maps.ColumnIds[i];
            var caption = string.Create(CultureInfo.InvariantCulture,
                $"{label} {id}: 60° {scores[i].Score60:0.00}, 90° {scores[i].Score90:0.00}");
            GridScorePlots.SaveMap(Path.Combine(folder, $"{id}_map.png"), maps, i, caption, valueLabel);
            var sac = GridScores.Autocorrelogram(maps.Column(i), maps.Grid.ColumnCount, maps.Grid.RowCount);
            GridScorePlots.SaveAutocorrelogram(Path.Combine(folder, $"{id}_autocorrelogram.png"), sac, binCm, caption);
        }

        return chosen.Length;
    }

    /// <summary>One row per map; written beside the target and renamed, so a reader never sees half a file and
    /// a failed write leaves the previous CSV in place.</summary>
    /// <remarks>
    /// <see cref="GridScore.OuterRadius60"/> is a fraction of the map's width in bins (the smaller of its columns
    /// and rows), the autocorrelogram's half-width; the columns give it in cm (fraction × width in bins × bin
    /// side), the spatial scale a reader can compare with the grid spacing.
    /// </remarks>
    private static void WriteCsv(string path, string label, SpatialMaps maps, IReadOnlyList<GridScore> scores)
    {
        var widthCm = Math.Min(maps.Grid.ColumnCount, maps.Grid.RowCount) * (maps.Grid.XEdges[1] - maps.Grid.XEdges[0]);
        var text = new StringBuilder("source,map,score60,score90,outer_radius60_cm,outer_radius90_cm\n");
        for (var i = 0; i < scores.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"{label},{maps.ColumnIds[i]},{scores[i].Score60:R},{scores[i].Score90:R},");
            text.Append(CultureInfo.InvariantCulture,
                $"{scores[i].OuterRadius60 * widthCm:R},{scores[i].OuterRadius90 * widthCm:R}\n");
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
