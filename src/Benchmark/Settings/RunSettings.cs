using System.Globalization;
using NeuralPredictivity.Datasets;

namespace NeuralPredictivity.Benchmark;

/// <summary>Every setting of one <c>predictivity run</c>: what is regressed onto what, and how.</summary>
/// <remarks>
/// <para>
/// The defaults are the toolkit's own protocol: the bundled trained path integrator, the
/// Stensola et al. 2012 session BEN, ridge regression with a penalty chosen per neuron from
/// <see cref="Alphas"/>, five folds of 30 cm spatial blocks, features standardised over the
/// training bins, feature maps built along synthetic trajectories in the dataset's arena, 5 cm bins,
/// speed threshold 2.5 cm/s and no smoothing. <see cref="RunProtocol"/> holds the published presets.
/// </para>
/// <para>
/// Each property documents the command-line option it comes from; <see cref="Validate"/> checks
/// every field without touching a file and returns all problems at once, each naming its option.
/// Checks that need the dataset or the model (a dataset without position, a bin larger than the
/// arena, an unknown model) happen when the run resolves its inputs, still before any work.
/// </para>
/// <para>
/// Seeds: <see cref="Seed"/> is the master seed. <see cref="SeedFor"/> derives one independent seed
/// per purpose (folds, trajectories, features, reliability, bootstrap), so changing one stage's
/// randomness never shifts another's; a family spec that names its own <c>seed=</c> keeps it.
/// </para>
/// </remarks>
public sealed record RunSettings
{
    /// <summary>The default ridge penalty grid: 10^(−3 + 10k/16), k = 0 … 16 (17 values, 1e-3 … 1e7).</summary>
    /// <remarks>Ten decades at a ratio of about 4.2, the Regression project's default grid: wide enough that
    /// neurons on standardised features rarely choose an edge value, which is flagged when they do.</remarks>
    public static IReadOnlyList<double> DefaultAlphas { get; } =
        Enumerable.Range(0, 17).Select(k => Math.Pow(10, -3 + 10.0 * k / 16)).ToArray();

    /// <summary>The model whose features are regressed (<c>--model</c>): <c>trained</c> (the bundled
    /// checkpoint), a checkpoint path, or a family spec such as <c>random-fourier:d=512,seed=3</c>.</summary>
    public string Model { get; init; } = "trained";

    /// <summary>A model whose participation ratio a baseline <see cref="Model"/> is matched to, such as
    /// <c>trained:d=16</c> (<c>--match-pr-of</c>); null keeps the baseline as specified.</summary>
    /// <remarks>The baseline keeps its d and varies its shape parameter (length scale, field width or grid
    /// spacing) until its participation ratio is within 1 % of the reference's on the regression bins
    /// (Baselines' <c>DimensionalityMatcher</c>); the reference is built on the same grid, trajectory and
    /// mask as the run itself.</remarks>
    public string? MatchParticipationRatioOf { get; init; }

    /// <summary>The recording (<c>--dataset</c>): a registered name such as <c>stensola2012_ben</c>, or
    /// a path to a file in the <c>mec-spikes-position/1</c> layout.</summary>
    public string Dataset { get; init; } = "stensola2012_ben";

    /// <summary>The preset the settings started from (<c>--protocol</c>): <c>default</c>,
    /// <c>nayebi2021</c> or <c>brainscore</c>.</summary>
    public string Protocol { get; init; } = RunProtocol.DefaultName;

    /// <summary>Options set explicitly on top of <see cref="Protocol"/>; empty when the preset is used as
    /// published.</summary>
    public IReadOnlyList<string> ProtocolOverrides { get; init; } = [];

    /// <summary>Regression method (<c>--regression ridge|ridge-fixed|pls</c>).</summary>
    public RegressionMethod Regression { get; init; } = RegressionMethod.Ridge;

    /// <summary>Penalty grid for <see cref="RegressionMethod.Ridge"/> (<c>--alphas</c>); each &gt; 0.</summary>
    public IReadOnlyList<double> Alphas { get; init; } = DefaultAlphas;

    /// <summary>The one penalty of <see cref="RegressionMethod.RidgeFixed"/> (<c>--alpha</c>), &gt; 0.</summary>
    public double Alpha { get; init; } = 1.0;

    /// <summary>Components of <see cref="RegressionMethod.Pls"/> (<c>--pls-components</c>).</summary>
    public int PlsComponents { get; init; } = 25;

    /// <summary>Whether features are z-scored with training-bin statistics before fitting
    /// (<c>--standardize true|false</c>).</summary>
    public bool StandardizeFeatures { get; init; } = true;

    /// <summary>Fold scheme over bins (<c>--folds</c>).</summary>
    public FoldKind Folds { get; init; } = FoldKind.Blocked;

    /// <summary>Number of folds k for <see cref="FoldKind.Random"/> and <see cref="FoldKind.Blocked"/>
    /// (<c>--fold-count</c>), ≥ 2.</summary>
    public int FoldCount { get; init; } = 5;

    /// <summary>Fraction of bins used for training in <see cref="FoldKind.RandomFraction"/>
    /// (<c>--train-fraction</c>), strictly between 0 and 1.</summary>
    public double TrainFraction { get; init; } = 0.9;

    /// <summary>Number of random train/test splits in <see cref="FoldKind.RandomFraction"/>
    /// (<c>--splits</c>), ≥ 1.</summary>
    public int Splits { get; init; } = 10;

    /// <summary>Side of the square blocks of <see cref="FoldKind.Blocked"/> in cm (<c>--block-size</c>).</summary>
    public double BlockSizeCm { get; init; } = 30.0;

    /// <summary>Bins left out of training around each test region of blocked, halves and quadrant folds
    /// (<c>--buffer-bins</c>), ≥ 0.</summary>
    /// <remarks>Rate maps are smooth over a few bins, so a training bin next to a test bin shares part of its
    /// signal; a buffer removes that leak at the cost of training data.</remarks>
    public int BufferBins { get; init; }

    /// <summary>Path that drives the model (<c>--trajectory synthetic|animal</c>).</summary>
    public TrajectorySource Trajectory { get; init; } = TrajectorySource.Synthetic;

    /// <summary>Batches of 200 synthetic trajectories of 20 steps each (<c>--trajectory-batches</c>).</summary>
    /// <remarks>100 batches (400,000 positions) is the protocol of Nayebi et al. 2021.</remarks>
    public int TrajectoryBatches { get; init; } = 100;

    /// <summary>Side of the square spatial bins in cm (<c>--bin-size</c>).</summary>
    public double BinSizeCm { get; init; } = 5.0;

    /// <summary>Position samples slower than this (cm/s) are left out of rate maps (<c>--min-speed</c>).</summary>
    public double MinSpeedCmPerSecond { get; init; } = 2.5;

    /// <summary>Gaussian smoothing σ in bins; 0 turns smoothing off (<c>--smooth</c>).</summary>
    public double SmoothSigmaBins { get; init; }

    /// <summary>Length of the time blocks of the split-half noise ceiling in s (<c>--reliability-block</c>).</summary>
    public double ReliabilityBlockSeconds { get; init; } = 60.0;

    /// <summary>Random block partitions averaged by the noise ceiling (<c>--reliability-draws</c>).</summary>
    public int ReliabilityDraws { get; init; } = 10;

    /// <summary>Bootstrap resamples over neurons for the 95 % intervals of medians (<c>--bootstrap</c>).</summary>
    public int BootstrapSamples { get; init; } = 1000;

    /// <summary>Master seed (<c>--seed</c>), ≥ 0; see <see cref="SeedFor"/>.</summary>
    public int Seed { get; init; }

    /// <summary>Compute threads (<c>--threads</c>), between 1 and the number of cores.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Results folder (<c>--out</c>); null chooses <c>results/&lt;dataset&gt;/&lt;model&gt;</c>
    /// under the current folder.</summary>
    public string? OutputFolder { get; init; }

    /// <summary>Whether figures are drawn (<c>--figures true|false</c>); sweeps turn them off per unit.</summary>
    public bool Figures { get; init; } = true;

    /// <summary>Whether the per-bin actual and predicted maps are written to <c>maps.csv</c>.</summary>
    public bool WriteMaps { get; init; } = true;

    /// <summary>The seed for one purpose, derived from <see cref="Seed"/> and the purpose's name.</summary>
    /// <remarks>
    /// The first four bytes of SHA-256("&lt;purpose&gt;:&lt;seed&gt;"), masked to a non-negative int. A hash
    /// rather than <c>seed + k</c> keeps runs with neighbouring master seeds from sharing streams.
    /// </remarks>
    public int SeedFor(SeedPurpose purpose)
    {
        var text = $"{purpose.ToString().ToLowerInvariant()}:{Seed.ToString(CultureInfo.InvariantCulture)}";
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text));
        return BitConverter.ToInt32(hash, 0) & int.MaxValue;
    }

    /// <summary>How the run builds rate maps: <see cref="MinSpeedCmPerSecond"/> and <see cref="SmoothSigmaBins"/>.
    /// </summary>
    /// <remarks>The one translation of these settings into the Datasets project's options, used by the run and by
    /// <c>datasets inspect</c>, so a map or a ceiling printed by one is the one the other scores against.</remarks>
    public RateMapOptions ToRateMapOptions() => new()
    {
        MinSpeedCmPerS = MinSpeedCmPerSecond,
        SmoothingSigmaBins = SmoothSigmaBins,
    };

    /// <summary>How the run computes its split-half noise ceilings: random <see cref="ReliabilityBlockSeconds"/>
    /// blocks, <see cref="ReliabilityDraws"/> draws, seeded with <see cref="SeedFor"/>
    /// (<see cref="SeedPurpose.Reliability"/>).</summary>
    /// <remarks>The block draws take the derived seed, never <see cref="Seed"/> itself (<c>--seed 0</c> draws with
    /// 432260332). Anything that shows a ceiling for a run's settings builds its options here, so its ρ equals the
    /// run's <c>ceiling_rho</c> to the last bit.</remarks>
    public ReliabilityOptions ToReliabilityOptions() => new()
    {
        Scheme = ReliabilityScheme.RandomBlocks,
        BlockLengthS = ReliabilityBlockSeconds,
        DrawCount = ReliabilityDraws,
        Seed = SeedFor(SeedPurpose.Reliability),
    };

    /// <summary>Every derived seed by purpose, as written to the manifest.</summary>
    public IReadOnlyDictionary<string, int> DerivedSeeds() =>
        Enum.GetValues<SeedPurpose>().ToDictionary(p => p.ToString().ToLowerInvariant(), SeedFor);

    /// <summary>The results folder this run writes to, as a full path.</summary>
    public string ResolveOutputFolder(string workingFolder) =>
        Path.GetFullPath(OutputFolder ?? Path.Combine("results", Slug.Of(Dataset), Slug.Of(Model)), workingFolder);

    /// <summary>Checks every field without touching a file; returns all problems (empty when valid).</summary>
    public IReadOnlyList<SettingsProblem> Validate()
    {
        var problems = new List<SettingsProblem>();
        void Check(bool ok, string option, string expected, object found)
        {
            if (!ok)
            {
                problems.Add(new SettingsProblem(option, expected, Format(found)));
            }
        }

        Check(!string.IsNullOrWhiteSpace(Model), "--model",
            "'trained', a checkpoint path or a family spec such as random-fourier:d=512", "an empty value");
        Check(!string.IsNullOrWhiteSpace(Dataset), "--dataset",
            "a dataset name such as stensola2012_ben or a file path", "an empty value");
        Check(RunProtocol.Names.Contains(Protocol), "--protocol", $"one of {string.Join(", ", RunProtocol.Names)}",
            Protocol);

        if (Regression == RegressionMethod.Ridge)
        {
            Check(Alphas.Count > 0, "--alphas", "at least one penalty", "none");
            foreach (var alpha in Alphas.Where(a => !(a > 0) || double.IsInfinity(a)))
            {
                Check(false, "--alphas", "every value > 0 and finite (alpha 0 is unpenalised least squares)", alpha);
            }
        }

        Check(Regression != RegressionMethod.RidgeFixed || (Alpha > 0 && double.IsFinite(Alpha)), "--alpha",
            "a finite value > 0 (alpha 0 is unpenalised least squares)", Alpha);
        Check(Regression != RegressionMethod.Pls || PlsComponents >= 1, "--pls-components", "an integer ≥ 1",
            PlsComponents);

        var kFold = Folds is FoldKind.Random or FoldKind.Blocked;
        Check(!kFold || FoldCount >= 2, "--fold-count", "an integer ≥ 2 (one fold must stay out for testing)",
            FoldCount);
        Check(Folds != FoldKind.RandomFraction || (TrainFraction > 0 && TrainFraction < 1), "--train-fraction",
            "a fraction strictly between 0 and 1", TrainFraction);
        Check(Folds != FoldKind.RandomFraction || Splits >= 1, "--splits", "an integer ≥ 1", Splits);
        Check(Folds != FoldKind.Blocked || (BlockSizeCm > 0 && double.IsFinite(BlockSizeCm)), "--block-size",
            "a block side in cm > 0", BlockSizeCm);
        Check(BufferBins >= 0, "--buffer-bins", "an integer ≥ 0 (0 means no buffer)", BufferBins);

        Check(Trajectory != TrajectorySource.Synthetic || TrajectoryBatches >= 1, "--trajectory-batches",
            "an integer ≥ 1", TrajectoryBatches);
        Check(BinSizeCm > 0 && double.IsFinite(BinSizeCm), "--bin-size", "a bin side in cm > 0", BinSizeCm);
        Check(MinSpeedCmPerSecond >= 0 && double.IsFinite(MinSpeedCmPerSecond), "--min-speed",
            "a speed in cm/s ≥ 0 (0 keeps every sample)", MinSpeedCmPerSecond);
        Check(SmoothSigmaBins >= 0 && double.IsFinite(SmoothSigmaBins), "--smooth",
            "a Gaussian σ in bins ≥ 0 (0 turns smoothing off)", SmoothSigmaBins);
        Check(ReliabilityBlockSeconds > 0 && double.IsFinite(ReliabilityBlockSeconds), "--reliability-block",
            "a block length in s > 0", ReliabilityBlockSeconds);
        Check(ReliabilityDraws >= 1, "--reliability-draws", "an integer ≥ 1", ReliabilityDraws);
        Check(BootstrapSamples >= 100, "--bootstrap",
            "an integer ≥ 100 (fewer resamples give an unstable 95 % interval)", BootstrapSamples);
        Check(Seed >= 0, "--seed", "an integer ≥ 0", Seed);
        Check(Threads >= 1 && Threads <= Environment.ProcessorCount, "--threads",
            $"an integer from 1 to {Environment.ProcessorCount} (the core count; more threads than cores " +
            "slows dense linear algebra down many times)", Threads);
        return problems;
    }

    /// <summary>Throws <see cref="InvalidSettingsException"/> listing every problem, if any.</summary>
    public RunSettings EnsureValid()
    {
        var problems = Validate();
        return problems.Count == 0 ? this : throw new InvalidSettingsException(problems);
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        string s => $"'{s}'",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
