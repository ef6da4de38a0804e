using System.CommandLine;
using System.Globalization;
using NeuralPredictivity.Benchmark;

namespace NeuralPredictivity.Cli.Commands;

/// <summary>The options of <c>predictivity run</c>, shared with <c>predictivity sweep</c>, and their reading
/// into a <see cref="RunSettings"/>.</summary>
/// <remarks>
/// Every option is read as text and parsed here, so that a malformed number and an out-of-range value
/// are reported together, all problems at once, in one format naming the option. An option that is not
/// given keeps the value of the protocol preset (<c>--protocol</c>); one that is given overrides it and
/// is recorded as an override.
/// </remarks>
internal sealed class RunCommandOptions
{
    private static readonly RunSettings Defaults = new();

    internal Option<string> Model { get; } = Text("--model", "-m",
        "Model whose features are regressed: 'trained' (the bundled checkpoint), a checkpoint file, or a baseline " +
        "family spec such as random-fourier:d=512,lengthscale=20cm,seed=3.", Defaults.Model);

    internal Option<string> MatchPrOf { get; } = Text("--match-pr-of", null,
        "Match a baseline --model's participation ratio to this model's (e.g. trained:d=16) by varying its shape " +
        "parameter at fixed d.", "no matching");

    internal Option<string> Dataset { get; } = Text("--dataset", "-d",
        "Recording: a registered name (stensola2012_ben, hafting2005_fig2c_trial1, ...) or a file path.",
        Defaults.Dataset);

    internal Option<string> Protocol { get; } = Text("--protocol", null,
        "Preset: default, nayebi2021 (random 20/80 splits ×10, ridge alpha 1, unstandardised, 5 cm bins) or " +
        "brainscore (PLS 25, 90/10 splits ×10). Options given with it override the preset.", RunProtocol.DefaultName);

    internal Option<string> Regression { get; } = Text("--regression", null,
        "ridge (penalty chosen per neuron from --alphas), ridge-fixed (--alpha) or pls (--pls-components).", "ridge");

    internal Option<string> Alphas { get; } = Text("--alphas", null,
        "Ridge penalty grid, comma-separated.", "1e-3 … 1e7, 17 log-spaced values");

    internal Option<string> Alpha { get; } = Text("--alpha", null, "Penalty of ridge-fixed.", "1");

    internal Option<string> PlsComponents { get; } = Text("--pls-components", null, "Components of pls.", "25");

    internal Option<string> Standardize { get; } = Text("--standardize", null,
        "true: z-score features with training-bin statistics before fitting; false: use them as they are.", "true");

    internal Option<string> Folds { get; } = Text("--folds", null,
        "Cross-validation over bins: random (k folds), random-fraction (--train-fraction × --splits), blocked " +
        "(k folds of --block-size squares), halves or quadrants.", "blocked");

    internal Option<string> FoldCount { get; } = Text("--fold-count", null, "k for random and blocked folds.", "5");

    internal Option<string> TrainFraction { get; } = Text("--train-fraction", null,
        "Training fraction of random-fraction splits.", "0.9");

    internal Option<string> Splits { get; } = Text("--splits", null, "Number of random-fraction splits.", "10");

    internal Option<string> BlockSize { get; } = Text("--block-size", null, "Side of blocked-fold squares, cm.", "30");

    internal Option<string> BufferBins { get; } = Text("--buffer-bins", null,
        "Bins left out of training around each test region of blocked, halves and quadrant folds.", "0");

    internal Option<string> Trajectory { get; } = Text("--trajectory", null,
        "Path driving the model: synthetic (random walks in the dataset's arena) or animal (the recorded path).",
        "synthetic");

    internal Option<string> TrajectoryBatches { get; } = Text("--trajectory-batches", null,
        "Batches of 200 synthetic trajectories × 20 steps that build the feature maps.", "100");

    internal Option<string> BinSize { get; } = Text("--bin-size", null,
        "Side of the square spatial bins (cm unless a unit is given: 5cm, 50mm, 0.05m); at most " +
        "40,000 bins over the arena.", "5");

    internal Option<string> MinSpeed { get; } = Text("--min-speed", null,
        "Position samples slower than this are left out of rate maps, cm/s.", "2.5");

    internal Option<string> Smooth { get; } = Text("--smooth", null,
        "Gaussian smoothing σ of rate maps in bins; 0 is off.", "0");

    internal Option<string> ReliabilityBlock { get; } = Text("--reliability-block", null,
        "Time block length of the split-half noise ceiling, s.", "60");

    internal Option<string> ReliabilityDraws { get; } = Text("--reliability-draws", null,
        "Random block partitions averaged by the noise ceiling.", "10");

    internal Option<string> Bootstrap { get; } = Text("--bootstrap", null,
        "Bootstrap resamples over neurons for 95 % intervals.", "1000");

    internal Option<string> Seed { get; } = Text("--seed", "-s", "Master seed of every random choice.", "0");

    internal Option<string> Threads { get; } = Text("--threads", null, "Compute threads, at most the core count.",
        "the core count");

    internal Option<string> Out { get; } = Text("--out", "-o", "Results folder, written atomically.",
        "results/<dataset>/<model>");

    internal Option<string> Figures { get; } = Text("--figures", null, "true or false: draw the PNG figures.", "true");

    /// <summary>The protocol options (everything but model, seed and output), in help order.</summary>
    internal IReadOnlyList<Option<string>> ProtocolOptions =>
    [
        Dataset, Protocol, Regression, Alphas, Alpha, PlsComponents, Standardize, Folds, FoldCount, TrainFraction,
        Splits, BlockSize, BufferBins, Trajectory, TrajectoryBatches, BinSize, MinSpeed, Smooth, ReliabilityBlock,
        ReliabilityDraws, Bootstrap, Threads,
    ];

    /// <summary>Adds the options to a command; <c>run</c> also gets model, seed, output and figures.</summary>
    internal void AddTo(Command command, bool singleRun)
    {
        if (singleRun)
        {
            command.Options.Add(Model);
            command.Options.Add(MatchPrOf);
        }

        foreach (var option in ProtocolOptions)
        {
            command.Options.Add(option);
        }

        if (singleRun)
        {
            command.Options.Add(Seed);
            command.Options.Add(Out);
            command.Options.Add(Figures);
        }
    }

    /// <summary>Reads the settings; every problem found is added to <paramref name="problems"/>.</summary>
    internal RunSettings Read(ParseResult parse, List<SettingsProblem> problems)
    {
        var reader = new OptionReader(parse, problems);
        var settings = new RunSettings();
        var protocol = reader.Get(Protocol);
        if (protocol is not null)
        {
            if (RunProtocol.Names.Contains(protocol))
            {
                settings = RunProtocol.Apply(protocol, settings);
            }
            else
            {
                problems.Add(new SettingsProblem("--protocol", $"one of {string.Join(", ", RunProtocol.Names)}",
                    $"'{protocol}'"));
            }
        }

        var preset = settings;
        settings = settings with
        {
            Model = reader.Get(Model) ?? settings.Model,
            MatchParticipationRatioOf = reader.Get(MatchPrOf) ?? settings.MatchParticipationRatioOf,
            Dataset = reader.Get(Dataset) ?? settings.Dataset,
            Regression = reader.Choice(Regression, settings.Regression,
                ("ridge", RegressionMethod.Ridge), ("ridge-fixed", RegressionMethod.RidgeFixed),
                ("pls", RegressionMethod.Pls)),
            Alphas = reader.Numbers(Alphas) ?? settings.Alphas,
            Alpha = reader.Number(Alpha) ?? settings.Alpha,
            PlsComponents = reader.Integer(PlsComponents) ?? settings.PlsComponents,
            StandardizeFeatures = reader.Boolean(Standardize) ?? settings.StandardizeFeatures,
            Folds = reader.Choice(Folds, settings.Folds,
                ("random", FoldKind.Random), ("random-fraction", FoldKind.RandomFraction),
                ("blocked", FoldKind.Blocked), ("halves", FoldKind.Halves), ("quadrants", FoldKind.Quadrants)),
            FoldCount = reader.Integer(FoldCount) ?? settings.FoldCount,
            TrainFraction = reader.Number(TrainFraction) ?? settings.TrainFraction,
            Splits = reader.Integer(Splits) ?? settings.Splits,
            BlockSizeCm = reader.Number(BlockSize) ?? settings.BlockSizeCm,
            BufferBins = reader.Integer(BufferBins) ?? settings.BufferBins,
            Trajectory = reader.Choice(Trajectory, settings.Trajectory,
                ("synthetic", TrajectorySource.Synthetic), ("animal", TrajectorySource.Animal)),
            TrajectoryBatches = reader.Integer(TrajectoryBatches) ?? settings.TrajectoryBatches,
            BinSizeCm = reader.Length(BinSize) ?? settings.BinSizeCm,
            MinSpeedCmPerSecond = reader.Number(MinSpeed) ?? settings.MinSpeedCmPerSecond,
            SmoothSigmaBins = reader.Number(Smooth) ?? settings.SmoothSigmaBins,
            ReliabilityBlockSeconds = reader.Number(ReliabilityBlock) ?? settings.ReliabilityBlockSeconds,
            ReliabilityDraws = reader.Integer(ReliabilityDraws) ?? settings.ReliabilityDraws,
            BootstrapSamples = reader.Integer(Bootstrap) ?? settings.BootstrapSamples,
            Seed = reader.Integer(Seed) ?? settings.Seed,
            Threads = reader.Integer(Threads) ?? settings.Threads,
            OutputFolder = reader.Get(Out) ?? settings.OutputFolder,
            Figures = reader.Boolean(Figures) ?? settings.Figures,
        };

        return settings with { ProtocolOverrides = Overrides(preset, settings, reader.Given) };
    }

    /// <summary>Options given on the command line that changed a value the protocol sets.</summary>
    private static List<string> Overrides(RunSettings preset, RunSettings final, IReadOnlySet<string> given)
    {
        if (preset.Protocol == RunProtocol.DefaultName)
        {
            return [];
        }

        var changed = new List<string>();
        void Check(string option, bool differs)
        {
            if (differs && given.Contains(option))
            {
                changed.Add(option);
            }
        }

        Check("--regression", preset.Regression != final.Regression);
        Check("--alphas", !preset.Alphas.SequenceEqual(final.Alphas));
        Check("--alpha", preset.Alpha != final.Alpha);
        Check("--pls-components", preset.PlsComponents != final.PlsComponents);
        Check("--standardize", preset.StandardizeFeatures != final.StandardizeFeatures);
        Check("--folds", preset.Folds != final.Folds);
        Check("--fold-count", preset.FoldCount != final.FoldCount);
        Check("--train-fraction", preset.TrainFraction != final.TrainFraction);
        Check("--splits", preset.Splits != final.Splits);
        Check("--block-size", preset.BlockSizeCm != final.BlockSizeCm);
        Check("--buffer-bins", preset.BufferBins != final.BufferBins);
        Check("--trajectory", preset.Trajectory != final.Trajectory);
        Check("--bin-size", preset.BinSizeCm != final.BinSizeCm);
        Check("--smooth", preset.SmoothSigmaBins != final.SmoothSigmaBins);
        return changed;
    }

    private static Option<string> Text(string name, string? alias, string description, string defaultText)
    {
        var option = alias is null ? new Option<string>(name) : new Option<string>(name, alias);
        option.Description = $"{description} [default: {defaultText}]";
        if (defaultText is "true" or "false")
        {
            // A switch may be given alone (--figures) or with a value (--figures false).
            option.Arity = ArgumentArity.ZeroOrOne;
        }

        return option;
    }

    /// <summary>Parses option values with the invariant culture, collecting problems instead of throwing.</summary>
    internal sealed class OptionReader(ParseResult parse, List<SettingsProblem> problems)
    {
        private readonly HashSet<string> _given = [];

        internal IReadOnlySet<string> Given => _given;

        internal string? Get(Option<string> option)
        {
            if (parse.GetResult(option) is null)
            {
                return null;
            }

            _given.Add(option.Name);
            return parse.GetValue(option) ?? "";
        }

        internal double? Number(Option<string> option)
        {
            var text = Get(option);
            if (text is null)
            {
                return null;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new SettingsProblem(option.Name, "a number such as 2.5", $"'{text}'"));
            return null;
        }

        /// <summary>A length in cm in the shared <c>--bin-size</c> syntax (<see cref="BinSizeOption.ParseCm"/>).
        /// </summary>
        internal double? Length(Option<string> option)
        {
            var text = Get(option);
            return text is null ? null : BinSizeOption.Read(text, problems, option.Name);
        }

        internal int? Integer(Option<string> option)
        {
            var text = Get(option);
            if (text is null)
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            problems.Add(new SettingsProblem(option.Name, "a whole number", $"'{text}'"));
            return null;
        }

        internal IReadOnlyList<double>? Numbers(Option<string> option)
        {
            var text = Get(option);
            if (text is null)
            {
                return null;
            }

            var values = new List<double>();
            foreach (var part in text.Split(',', StringSplitOptions.TrimEntries))
            {
                if (double.TryParse(part, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    values.Add(value);
                }
                else
                {
                    problems.Add(new SettingsProblem(option.Name, "comma-separated numbers such as 0.1,1,10",
                        $"'{part}' in '{text}'"));
                    return null;
                }
            }

            return values;
        }

        internal bool? Boolean(Option<string> option)
        {
            var text = Get(option);
            switch (text?.ToLowerInvariant())
            {
                case null:
                    return null;
                case "" or "true" or "yes" or "1":
                    return true;
                case "false" or "no" or "0":
                    return false;
                default:
                    problems.Add(new SettingsProblem(option.Name, "true or false", $"'{text}'"));
                    return null;
            }
        }

        internal T Choice<T>(Option<string> option, T fallback, params (string Name, T Value)[] choices)
        {
            var text = Get(option);
            if (text is null)
            {
                return fallback;
            }

            foreach (var (name, value) in choices)
            {
                if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
                {
                    return value;
                }
            }

            problems.Add(new SettingsProblem(option.Name, $"one of {string.Join(", ", choices.Select(c => c.Name))}",
                $"'{text}'"));
            return fallback;
        }
    }
}
