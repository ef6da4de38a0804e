namespace NeuralPredictivity.Benchmark;

/// <summary>Named presets for published evaluation protocols (<c>--protocol</c>).</summary>
/// <remarks>
/// <list type="bullet">
/// <item><c>default</c>: this toolkit's protocol, the defaults of <see cref="RunSettings"/>.</item>
/// <item><c>nayebi2021</c>: Nayebi et al., NeurIPS 2021: bins split at random, 20 % train and 80 %
/// test, 10 splits; ridge with a fixed alpha = 1 on unstandardised features; synthetic trajectories;
/// 5 cm bins; no smoothing.</item>
/// <item><c>brainscore</c>: the Brain-Score neural predictivity metric: PLS with 25 components on
/// unscaled features, 90 % train and 10 % test, 10 splits.</item>
/// </list>
/// Options given explicitly on the command line are applied on top of the preset and listed in
/// <see cref="RunSettings.ProtocolOverrides"/>, so a modified protocol is never reported under the
/// published name alone.
/// </remarks>
public static class RunProtocol
{
    /// <summary>Name of the toolkit's own protocol.</summary>
    public const string DefaultName = "default";

    /// <summary>Name of the Nayebi et al. 2021 preset.</summary>
    public const string Nayebi2021 = "nayebi2021";

    /// <summary>Name of the Brain-Score preset.</summary>
    public const string Brainscore = "brainscore";

    /// <summary>Every preset name, in the order the help text lists them.</summary>
    public static IReadOnlyList<string> Names { get; } = [DefaultName, Nayebi2021, Brainscore];

    /// <summary>The settings of a preset, starting from <paramref name="baseline"/>'s non-protocol fields.</summary>
    /// <exception cref="InvalidSettingsException">The name is not a preset.</exception>
    public static RunSettings Apply(string name, RunSettings baseline)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        var defaults = new RunSettings();
        var reset = baseline with
        {
            Protocol = name,
            Regression = defaults.Regression,
            Alphas = defaults.Alphas,
            Alpha = defaults.Alpha,
            PlsComponents = defaults.PlsComponents,
            StandardizeFeatures = defaults.StandardizeFeatures,
            Folds = defaults.Folds,
            FoldCount = defaults.FoldCount,
            TrainFraction = defaults.TrainFraction,
            Splits = defaults.Splits,
            Trajectory = defaults.Trajectory,
            BinSizeCm = defaults.BinSizeCm,
            SmoothSigmaBins = defaults.SmoothSigmaBins,
        };

        return name switch
        {
            DefaultName => reset,
            Nayebi2021 => reset with
            {
                Regression = RegressionMethod.RidgeFixed,
                Alpha = 1.0,
                StandardizeFeatures = false,
                Folds = FoldKind.RandomFraction,
                TrainFraction = 0.2,
                Splits = 10,
                Trajectory = TrajectorySource.Synthetic,
                BinSizeCm = 5.0,
                SmoothSigmaBins = 0,
            },
            Brainscore => reset with
            {
                Regression = RegressionMethod.Pls,
                PlsComponents = 25,
                StandardizeFeatures = false,
                Folds = FoldKind.RandomFraction,
                TrainFraction = 0.9,
                Splits = 10,
            },
            _ => throw new InvalidSettingsException(
                [new SettingsProblem("--protocol", $"one of {string.Join(", ", Names)}", $"'{name}'")]),
        };
    }

    /// <summary>The label written to results: the preset name, marked when options changed it.</summary>
    public static string Label(RunSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return settings.ProtocolOverrides.Count == 0
            ? settings.Protocol
            : $"{settings.Protocol}+{string.Join("+", settings.ProtocolOverrides.Select(o => o.TrimStart('-')))}";
    }
}
