using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NeuralPredictivity.Baselines;
using NeuralPredictivity.Datasets;
using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Benchmark;

/// <summary>Entry point of <c>predictivity run</c>: one model regressed onto one recording.</summary>
/// <remarks>
/// <para>Before any work, every setting is checked and the inputs are resolved: the model spec must parse
/// and its checkpoint load, the output folder must be writable, the dataset must exist and, once read, hold
/// position, and the bin must fit in its arena. The recording is read only when the other checks pass, so a
/// wrong option fails at once. The problems found are thrown together in one
/// <see cref="InvalidSettingsException"/>, each naming its option.</para>
/// <para>Phases: (1) rate maps and split-half noise ceilings; (2) feature maps on the same grid; (3) the
/// joint finite mask (logged and written) and the participation ratio on exactly those bins; (4)
/// cross-validated regression; (5) normalisation and medians with bootstrap intervals; (6) the results
/// folder, built in a temporary sibling and renamed into place at the end, so an interrupted run leaves no
/// partial folder.</para>
/// </remarks>
public static class PredictivityRun
{
    private const int PhaseCount = 6;

    /// <summary>Runs the whole path and writes the results folder atomically; replaces an earlier result
    /// there.</summary>
    /// <exception cref="InvalidSettingsException">A setting is invalid; thrown before any work, listing every
    /// problem.</exception>
    public static RunOutcome Execute(RunSettings settings, ILoggerFactory? loggers = null,
        IProgress<RunProgress>? progress = null, IReadOnlyList<string>? commandLine = null,
        CancellationToken cancellationToken = default) =>
        Execute(settings, loggers, progress, commandLine ?? [], replaceExisting: true, cancellationToken);

    internal static RunOutcome Execute(RunSettings settings, ILoggerFactory? loggers, IProgress<RunProgress>? progress,
        IReadOnlyList<string> commandLine, bool replaceExisting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.EnsureValid();
        var logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("NeuralPredictivity.Benchmark.Run");
        var started = DateTimeOffset.UtcNow;
        var timings = new Dictionary<string, double>();
        var clock = Stopwatch.StartNew();

        // Everything that can be wrong with the options is found here, before any work; the recording is read
        // last, and only when the model and the output folder are fine.
        var problems = new List<SettingsProblem>();
        using var source = FeatureSource.Prepare(settings, problems);
        var target = settings.ResolveOutputFolder(Environment.CurrentDirectory);
        try
        {
            AtomicFolder.EnsureReplaceable(target, replaceExisting);
            if (OutputLocation.Problem("--out", target) is { } location)
            {
                problems.Add(location);
            }
        }
        catch (IOException e)
        {
            problems.Add(new SettingsProblem("--out", "a new folder or an earlier results folder", e.Message));
        }

        var recording = DatasetStage.Open(settings, logger, problems);
        if (problems.Count > 0)
        {
            throw new InvalidSettingsException(problems);
        }

        TorchSharp.torch.set_num_threads(settings.Threads);
        Lap(timings, "resolve", clock);

        Report(progress, 1, "rate maps and noise ceilings", "");
        var data = DatasetStage.Load(recording!, settings, logger);
        Lap(timings, "dataset", clock);
        cancellationToken.ThrowIfCancellationRequested();

        Report(progress, 2, "feature maps", source!.Description);
        var featureProgress = progress is null ? null
            : new SynchronousProgress<int>(done =>
                Report(progress, 2, "feature maps", $"{done}/{settings.TrajectoryBatches} batches"));
        var featureMaps = source.Build(data, settings, logger, featureProgress, cancellationToken);
        Lap(timings, "features", clock);
        cancellationToken.ThrowIfCancellationRequested();

        Report(progress, 3, "joint mask and dimensionality", "");
        var mask = JointMask.Of(data.RateMaps, featureMaps);
        Log.MaskBuilt(logger, mask.Count, data.Grid.BinCount, mask.DroppedByNeurons, mask.DroppedByFeatures);
        if (source.TruncateTo is not null)
        {
            // Principal components of exactly the regression bins: the others are blanked first.
            featureMaps = source.Reduce(mask.Apply(featureMaps));
        }

        var features = mask.Rows(featureMaps);

        var responses = mask.Rows(data.RateMaps);
        var dimensionality = ParticipationRatio.Compute(features);
        Log.FeaturesReady(logger, source.TruncateTo ?? features.GetLength(1), features.GetLength(1),
            dimensionality.ParticipationRatio);
        Lap(timings, "mask", clock);

        Report(progress, 4, "regression", "");
        var layout = new BinLayout(data.Grid.ColumnCount, data.Grid.RowCount, mask.Indexes);
        var cvProgress = progress is null ? null
            : new SynchronousProgress<CrossValidationProgress>(p =>
                Report(progress, 4, "regression", $"{p.CompletedFolds}/{p.FoldCount} folds"));
        var cv = CrossValidation.Evaluate(features, responses, layout, RegressionStage.Folds(settings),
            RegressionStage.Method(settings, features.GetLength(1), logger), cvProgress, logger, cancellationToken,
            RegressionStage.Labels(data));
        Lap(timings, "regression", clock);

        Report(progress, 5, "normalisation and summaries", "");
        var neurons = RegressionStage.Scores(cv, data);
        var summary = Summarise(settings, source, data, mask, dimensionality, neurons);
        Log.SummaryReady(logger, summary.MedianRNorm.Estimate, summary.MedianRNorm.CiLow, summary.MedianRNorm.CiHigh,
            summary.NeuronsIncluded, summary.NeuronsTotal);
        if (summary.NeuronsIncluded == 0)
        {
            Log.NoNeuronIncluded(logger, summary.BinsUsed);
        }

        var result = new RunResult(settings, summary, neurons, data.RateMaps,
            RegressionStage.Predictions(cv, mask.Indexes, data.Grid.BinCount), mask.Bins);
        Lap(timings, "summary", clock);
        cancellationToken.ThrowIfCancellationRequested();

        Report(progress, 6, "writing results", target);
        bool replaced;
        using (var folder = AtomicFolder.Begin(target, replaceExisting))
        {
            // Cancellation is checked between files: the work folder is deleted by Dispose, never committed.
            ResultsWriter.WriteData(folder.WorkPath, result);
            cancellationToken.ThrowIfCancellationRequested();
            if (settings.Figures)
            {
                RunFigures.WriteAll(folder.WorkPath, result);
                cancellationToken.ThrowIfCancellationRequested();
            }

            Lap(timings, "write", clock);
            var inputs = new List<InputFile> { InputFile.Hash("dataset", data.Recording.SourcePath) };
            inputs.AddRange(source.Inputs);
            ResultsWriter.WriteManifest(folder.WorkPath, new RunManifest
            {
                ToolkitVersion = ToolkitInfo.Version,
                GitCommit = ToolkitInfo.GitCommit(),
                CommandLine = commandLine,
                Settings = settings,
                ProtocolLabel = RunProtocol.Label(settings),
                Seeds = new Dictionary<string, int>(settings.DerivedSeeds())
                {
                    ["master"] = settings.Seed,
                    ["features_used"] = source.Spec.Seed,
                },
                ModelDescription = source.BuiltDescription,
                Inputs = inputs,
                Grid = new ManifestGrid(data.Grid.XEdges, data.Grid.YEdges, data.Grid.BinCount),
                Machine = new ManifestMachine(System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
                    System.Runtime.InteropServices.RuntimeInformation.OSDescription, Environment.ProcessorCount,
                    settings.Threads),
                StartedUtc = started,
                TimingsSeconds = timings,
                OutputSha256 = new Dictionary<string, string>(),
            });
            cancellationToken.ThrowIfCancellationRequested();
            replaced = Directory.Exists(target);
            folder.Commit();
        }

        if (replaced)
        {
            Log.RunReplaced(logger, target);
        }

        Log.RunWritten(logger, target, timings.Values.Sum());
        progress?.Report(new RunProgress(PhaseCount, PhaseCount, "done", target, IsLast: true));
        return new RunOutcome(target, summary, timings);
    }

    private static RunSummary Summarise(RunSettings settings, FeatureSource source, DatasetInputs data, JointMask mask,
        DimensionalityReport dimensionality, IReadOnlyList<NeuronScore> neurons)
    {
        var r = neurons.Select(n => n.R).ToArray();
        var ceilings = data.Ceilings;
        var seed = settings.SeedFor(SeedPurpose.Bootstrap);
        var samples = settings.BootstrapSamples;
        var correlation = PredictivitySummary.Compute(r, ceilings, PredictivityScale.Correlation, samples, seed);
        var explained = PredictivitySummary.Compute(r, ceilings, PredictivityScale.ExplainedVariance, samples, seed);

        // The raw median is over the same neurons as the normalised ones: those with a ceiling.
        var rWithCeiling = r.Select((value, j) => NormalisedPredictivity.HasCeiling(ceilings[j]) ? value : double.NaN)
            .ToArray();
        var raw = PredictivitySummary.Compute(rWithCeiling, null, PredictivityScale.Correlation, samples, seed);
        return new RunSummary
        {
            Model = settings.Model,
            ModelDescription = source.BuiltDescription,
            Dataset = settings.Dataset,
            Protocol = RunProtocol.Label(settings),
            Regression = Kebab(settings.Regression.ToString()),
            Folds = Kebab(settings.Folds.ToString()),
            Trajectory = Kebab(settings.Trajectory.ToString()),
            Seed = settings.Seed,
            FeatureCount = source.TruncateTo ?? dimensionality.FeatureCount,
            ParticipationRatio = dimensionality.ParticipationRatio,
            ComponentsFor80Percent = dimensionality.ComponentsFor80Percent,
            MedianR = Estimate(raw),
            MedianRNorm = Estimate(correlation),
            MedianR2Norm = Estimate(explained),
            RatioOfMediansRNorm = correlation.RatioOfMedians,
            MedianCeiling = explained.MedianCeiling,
            NeuronsTotal = neurons.Count,
            NeuronsIncluded = correlation.IncludedCount,
            NeuronsExcluded = neurons.Where(n => n.Exclusion is not null)
                .Select(n => new NeuronExclusion(n.NeuronId, n.Exclusion!)).ToList(),
            BinsTotal = data.Grid.BinCount,
            BinsUsed = mask.Count,
            BinsDroppedByNeurons = mask.DroppedByNeurons,
            BinsDroppedByFeatures = mask.DroppedByFeatures,
            MatchTargetParticipationRatio = source.BuiltMatch?.TargetParticipationRatio,
            MatchWithinTolerance = source.BuiltMatch?.WithinTolerance,
        };
    }

    private static MedianEstimate Estimate(PredictivitySummary summary) =>
        new(summary.Median, summary.ConfidenceLower, summary.ConfidenceUpper);

    private static string Kebab(string name) =>
        string.Concat(name.Select((c, i) =>
            (char.IsUpper(c) && i > 0 ? "-" : "") + char.ToLowerInvariant(c)));

    private static void Report(IProgress<RunProgress>? progress, int phase, string name, string detail) =>
        progress?.Report(new RunProgress(phase, PhaseCount, name, detail));

    private static void Lap(Dictionary<string, double> timings, string phase, Stopwatch clock)
    {
        timings[phase] = Math.Round(clock.Elapsed.TotalSeconds, 3);
        clock.Restart();
    }
}
