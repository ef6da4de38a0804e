using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using NeuralPredictivity.Benchmark;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>
/// <c>predictivity datasets inspect NAME|PATH</c>: a recording's figures, per neuron, and optional rate-map PNGs.
/// </summary>
/// <remarks>
/// Prints duration, neurons, arena, grid and bins visited, the median split-half ceiling and a
/// table with each neuron's spikes, mean rate, split-half r and ceiling ρ. The numbers use the
/// analysis settings (DESIGN.md defaults: 5 cm bins, 2.5 cm/s, unsmoothed, random 60 s blocks ×
/// 10 draws); the PNGs are smoothed for the eye only (--png-smoothing-sigma).
/// <para>
/// The ceilings are the run's: the options become a <see cref="RunSettings"/> and go through its
/// <see cref="RunSettings.ToRateMapOptions"/> and <see cref="RunSettings.ToReliabilityOptions"/>, so
/// <c>--seed</c> is the master seed of <c>run</c> and the block draws use the seed a run derives from it, and each
/// ρ printed equals the <c>ceiling_rho</c> of a run with the same <c>--seed</c>, <c>--bin-size</c>,
/// <c>--min-speed</c>, <c>--smooth</c>, <c>--reliability-block</c> and <c>--reliability-draws</c> (which are
/// accepted here under those names too). The seed used is printed with the median.
/// </para>
/// </remarks>
internal static class DatasetsInspectCommand
{
    private static readonly string[] AttributeColumns = ["grid_module", "quality", "area"];

    internal static Command Create(Func<DatasetRegistry> registries)
    {
        var target = new Argument<string>("dataset") { Description = "A registered dataset name or a file path." };
        var pngDirectory = new Option<string?>("--png-dir")
        {
            Description = "Write rate-map PNGs (one per neuron and an overview) here.",
        };
        var binSize = new Option<string>(BinSizeOption.Name)
        {
            Description = "Bin side (cm unless a unit is given: 5cm, 50mm, 0.05m); at most 40,000 bins over the " +
                          "arena.",
            DefaultValueFactory = _ => "5",
        };
        var minSpeed = new Option<double>("--min-speed")
        {
            Description = "Speed filter in cm/s (0 = off).",
            DefaultValueFactory = _ => 2.5,
        };
        var smoothing = new Option<double>("--smoothing-sigma", "--smooth")
        {
            Description = "Gaussian σ in bins for the numbers (0 = off); run's --smooth.",
        };
        var pngSmoothing = new Option<double>("--png-smoothing-sigma")
        {
            Description = "Gaussian σ in bins for the PNGs only.",
            DefaultValueFactory = _ => 1.0,
        };
        var scheme = new Option<string>("--scheme")
        {
            Description = "Split-half scheme: random-blocks, first-second-half or odd-even-minutes.",
            DefaultValueFactory = _ => "random-blocks",
        };
        UsageErrors.AcceptOnly(scheme, "random-blocks", "first-second-half", "odd-even-minutes");
        var blockLength = new Option<double>("--block-length", "--reliability-block")
        {
            Description = "Block length in s; run's --reliability-block.",
            DefaultValueFactory = _ => 60,
        };
        var draws = new Option<int>("--draws", "--reliability-draws")
        {
            Description = "Random block draws; run's --reliability-draws.",
            DefaultValueFactory = _ => 10,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "Master seed, as in run: the block draws use the seed a run derives from it, so the " +
                          "ceilings equal that run's.",
        };
        var crossSession = new Option<string?>("--cross-session")
        {
            Description = "Another session of the same neurons (name or path): adds each neuron's " +
                          "cross-session r on the same grid.",
        };
        var reading = new DatasetsCommand.ReadingOptions();

        var command = new Command("inspect",
            "Print a recording's duration, neurons, arena, bins visited and noise ceilings, and optionally " +
            "write rate-map PNGs.");
        command.Arguments.Add(target);
        foreach (var option in new Option[]
                 {
                     pngDirectory, binSize, minSpeed, smoothing, pngSmoothing, scheme, blockLength, draws, seed,
                     crossSession,
                 })
        {
            command.Options.Add(option);
        }

        reading.AddTo(command);
        command.SetAction((parse, cancellation) => Task.FromResult(DatasetsCommand.Run(parse,
            "nothing was inspected", () =>
        {
            // The run's own translation of its settings, so these ceilings are the ones a run divides by.
            var settings = new RunSettings
            {
                Seed = parse.GetValue(seed),
                BinSizeCm = BinSizeOption.ParseCm(parse.GetValue(binSize)),
                MinSpeedCmPerSecond = parse.GetValue(minSpeed),
                SmoothSigmaBins = parse.GetValue(smoothing),
                ReliabilityBlockSeconds = parse.GetValue(blockLength),
                ReliabilityDraws = parse.GetValue(draws),
            };
            var mapOptions = settings.ToRateMapOptions();
            var reliabilityOptions = settings.ToReliabilityOptions() with
            {
                Scheme = parse.GetValue(scheme) switch
                {
                    "first-second-half" => ReliabilityScheme.FirstSecondHalf,
                    "odd-even-minutes" => ReliabilityScheme.OddEvenMinutes,
                    _ => ReliabilityScheme.RandomBlocks,
                },
            };
            ValidateSettings(settings, parse.GetValue(binSize)!, parse.GetValue(pngSmoothing), mapOptions,
                reliabilityOptions);
            if (parse.GetValue(pngDirectory) is { } pngFolder
                && OutputLocation.Problem(pngDirectory.Name, pngFolder) is { } location)
            {
                throw new InvalidSettingsException([location]);
            }

            using var logging = DatasetsCommand.TerminalLogging.Create(parse);
            var logger = logging.CreateLogger("datasets");
            var registry = registries();
            var entry = Resolve(registry, parse, reading, parse.GetValue(target)!);
            var recording = Read(entry, parse.GetValue(target)!, logger);
            if (recording.Arena is { } arena
                && BinSizeOption.Check(arena, settings.BinSizeCm, $"'{parse.GetValue(target)}'") is { } bins)
            {
                throw new InvalidSettingsException([bins]);
            }

            var output = parse.InvocationConfiguration.Output;
            var origin = entry.IsBundled ? "bundled"
                : registry.Find(entry.Name)?.Path == entry.Path ? "registered"
                : "file";
            Describe(recording, origin, entry.IsBundled ? entry.Path : recording.SourcePath, output);
            if (!recording.HasPosition)
            {
                PrintNeurons(recording, null, null, output);
                return 0;
            }

            var grid = SpatialGrid.ForRecording(recording, settings.BinSizeCm);
            cancellation.ThrowIfCancellationRequested();
            var occupancy = RateMaps.Occupancy(recording, grid, mapOptions);
            var visited = occupancy.Count(o => o > 0);
            output.WriteLine(
                $"grid       {grid.ColumnCount} × {grid.RowCount} bins of {Number(settings.BinSizeCm)} cm " +
                $"({grid.BinCount} bins); {visited} visited ({Percent(visited, grid.BinCount)}) at ≥ " +
                $"{Number(mapOptions.MinSpeedCmPerS)} cm/s, {Number(occupancy.Sum())} s of running");

            ReliabilityResult? reliability = null;
            if (recording.Neurons.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                reliability = SplitHalfReliability.Compute(recording, grid, reliabilityOptions, mapOptions, logger);
                var undefined = recording.Neurons.Count - reliability.DefinedCount;
                output.WriteLine(
                    $"ceiling    median split-half ρ = {Number(reliability.MedianCeiling(), "0.###")} over " +
                    $"{reliability.DefinedCount} of {recording.Neurons.Count} neurons " +
                    $"({Describe(reliabilityOptions, settings.Seed)}); {undefined} without a ceiling " +
                    "(r ≤ 0 or undefined)");
            }

            ReliabilityResult? across = null;
            if (parse.GetValue(crossSession) is { } other)
            {
                cancellation.ThrowIfCancellationRequested();
                var second = registry.Open(other, logger);
                across = CrossSessionReliability.Compute(recording, second, grid, mapOptions, logger);
                output.WriteLine(
                    $"across     median cross-session r = {Number(across.MedianCeiling(), "0.###")} with " +
                    $"{second.Name} over {across.DefinedCount} of {across.NeuronIds.Count} shared neurons");
            }

            PrintNeurons(recording, reliability, across, output);
            if (parse.GetValue(pngDirectory) is { } directory && recording.Neurons.Count > 0)
            {
                cancellation.ThrowIfCancellationRequested();
                var figureOptions = mapOptions with { SmoothingSigmaBins = parse.GetValue(pngSmoothing) };
                var maps = RateMaps.Compute(recording, grid, figureOptions);
                var written = RateMapFigure.WriteAll(recording, maps, reliability, directory, cancellation);
                output.WriteLine(
                    $"wrote {written.Count} PNGs to {Path.GetFullPath(directory)} (overview: " +
                    $"{Path.GetFileName(written[0])}; smoothed σ = {Number(figureOptions.SmoothingSigmaBins)} " +
                    "bins for display)");
            }

            return 0;
        })));
        return command;
    }

    /// <summary>Checks every numeric setting before any file is read and reports all problems at once.</summary>
    private static void ValidateSettings(
        RunSettings settings, string binText, double pngSigma, RateMapOptions maps, ReliabilityOptions reliability)
    {
        var problems = new List<string>();
        if (!(settings.BinSizeCm > 0) || double.IsInfinity(settings.BinSizeCm))
        {
            problems.Add($"--bin-size: expected {BinSizeOption.Syntax}; found '{binText}'");
        }

        if (settings.Seed < 0)
        {
            problems.Add($"--seed: must be an integer ≥ 0 (as run's --seed), got {settings.Seed}");
        }

        if (!(pngSigma >= 0) || double.IsInfinity(pngSigma))
        {
            problems.Add($"--png-smoothing-sigma: must be a finite number ≥ 0 bins, got {pngSigma}");
        }

        foreach (var validate in new Action[] { maps.Validate, reliability.Validate })
        {
            try
            {
                validate();
            }
            catch (ArgumentException ex)
            {
                problems.Add(ErrorMessage.Of(ex).TrimEnd('.'));
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", problems) + ".");
        }
    }

    /// <summary>Reads the recording; a file the readers refuse is a problem of the dataset argument, as it is
    /// of <c>--dataset</c> in <c>run</c>.</summary>
    /// <exception cref="InvalidSettingsException">The file is missing, malformed or unsupported.</exception>
    private static Recording Read(DatasetEntry entry, string target, ILogger logger)
    {
        try
        {
            return RecordingReader.Read(entry.Path, entry.ToReadOptions(), logger);
        }
        catch (Exception e) when (e is InvalidDataException or NotSupportedException or FileNotFoundException)
        {
            throw new InvalidSettingsException(
            [
                new SettingsProblem("<dataset>", DatasetsCommand.ReadableRecording,
                    $"{DatasetsCommand.Quoted(target, entry.Path)}: {ErrorMessage.Of(e)}"),
            ]);
        }
    }

    private static DatasetEntry Resolve(
        DatasetRegistry registry, ParseResult parse, DatasetsCommand.ReadingOptions reading, string target)
    {
        var entry = registry.Resolve(target);
        var adHoc = reading.ToEntry(parse, entry.Name, entry.Path);

        // Options given on the command line win over the registered ones.
        return entry with
        {
            Format = adHoc.Format ?? entry.Format,
            Arena = adHoc.Arena ?? entry.Arena,
            NwbPositionPath = adHoc.NwbPositionPath ?? entry.NwbPositionPath,
            MatlabVariables = adHoc.MatlabVariables ?? entry.MatlabVariables,
        };
    }

    private static void Describe(Recording recording, string origin, string shownPath, TextWriter output)
    {
        var format = RecordingReader.FormatName(recording.Format);
        output.WriteLine($"{recording.Name}  ({format}, {origin})  {shownPath}");
        if (recording.Metadata.Citation is { } citation)
        {
            output.WriteLine($"cite       {citation}");
        }

        var subject = new[] { recording.Metadata.Species, recording.Metadata.BrainRegion }.OfType<string>().ToArray();
        if (subject.Length > 0)
        {
            output.WriteLine($"subject    {string.Join("; ", subject)}");
        }

        var spikes = recording.Neurons.Sum(n => n.SpikeCount);
        var dropped = recording.Neurons.Sum(n => n.SpikesOutsideTracking);
        if (recording.Position is { } position)
        {
            output.WriteLine(
                $"duration   {DatasetsCommand.Seconds(recording.DurationS)} ({position.SampleCount} position " +
                $"samples, {position.MissingCount} lost; median interval " +
                $"{Number(position.MedianIntervalS, "0.0###")} s)");
            output.WriteLine($"arena      {recording.Arena}");
        }
        else
        {
            output.WriteLine($"duration   {DatasetsCommand.Seconds(recording.DurationS)} (first to last spike)");
            output.WriteLine("position   none: rate maps, grid and ceilings need position");
        }

        var outside = dropped > 0 ? $"; {dropped} outside the tracked interval dropped" : string.Empty;
        output.WriteLine($"neurons    {recording.Neurons.Count} ({spikes} spikes{outside})");
    }

    private static void PrintNeurons(Recording recording, ReliabilityResult? reliability, ReliabilityResult? across,
                                     TextWriter output)
    {
        if (recording.Neurons.Count == 0)
        {
            return;
        }

        var extra = AttributeColumns
            .Where(c => recording.Neurons.Any(n => n.Attributes.ContainsKey(c)))
            .Take(2)
            .ToArray();
        var idWidth = Math.Max(6, recording.Neurons.Max(n => n.Id.Length));
        var header = $"{"neuron".PadRight(idWidth)}  {"spikes",7}  {"rate_hz",8}";
        if (reliability is not null)
        {
            header += $"  {"split_half_r",12}  {"ceiling_rho",11}";
        }

        if (across is not null)
        {
            header += $"  {"cross_session_r",15}";
        }

        output.WriteLine();
        output.WriteLine(header + string.Concat(extra.Select(c => "  " + c)));
        var rates = recording.MeanRatesHz();
        var acrossIds = across?.NeuronIds.ToList();
        for (var n = 0; n < recording.Neurons.Count; n++)
        {
            var neuron = recording.Neurons[n];
            var line = $"{neuron.Id.PadRight(idWidth)}  {neuron.SpikeCount,7}  {Number(rates[n], "0.000"),8}";
            if (reliability is not null)
            {
                var r = Number(reliability.Correlations[n], "0.000");
                line += $"  {r,12}  {Number(reliability.Ceilings[n], "0.000"),11}";
            }

            if (across is not null)
            {
                var k = acrossIds!.IndexOf(neuron.Id);
                line += $"  {(k < 0 ? "–" : Number(across.Correlations[k], "0.000")),15}";
            }

            var attributes = extra.Select(c => "  " + neuron.Attributes.GetValueOrDefault(c, "–").PadRight(c.Length));
            output.WriteLine((line + string.Concat(attributes)).TrimEnd());
        }
    }

    private static string Describe(ReliabilityOptions options, int masterSeed) => options.Scheme switch
    {
        ReliabilityScheme.FirstSecondHalf => "first vs second half",
        ReliabilityScheme.OddEvenMinutes => $"even vs odd {Number(options.BlockLengthS)} s blocks",
        _ => $"random {Number(options.BlockLengthS)} s blocks, {options.DrawCount} draws, seed {options.Seed} " +
             $"derived from --seed {masterSeed} as run derives it",
    };

    internal static string Number(double value, string format = "0.##") =>
        double.IsNaN(value) ? "NaN" : value.ToString(format, CultureInfo.InvariantCulture);

    private static string Percent(int part, int whole) =>
        (100.0 * part / whole).ToString("0.0", CultureInfo.InvariantCulture) + " %";
}
