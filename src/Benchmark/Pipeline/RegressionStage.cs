using Microsoft.Extensions.Logging;
using NeuralPredictivity.Regression;

namespace NeuralPredictivity.Benchmark;

/// <summary>Cross-validated regression of features onto neurons, and the per-neuron scores it gives.</summary>
internal static class RegressionStage
{
    /// <summary>The fold scheme of the settings. Block size converts from cm to whole bins (at least 1).</summary>
    internal static IFoldScheme Folds(RunSettings settings)
    {
        var seed = settings.SeedFor(SeedPurpose.Folds);
        return settings.Folds switch
        {
            FoldKind.Random => new RandomKFold(settings.FoldCount, seed),
            FoldKind.RandomFraction => new RandomSplits(settings.TrainFraction, settings.Splits, seed),
            FoldKind.Blocked => new BlockedKFold(BlockBins(settings), settings.FoldCount, seed, settings.BufferBins),
            FoldKind.Halves => new HalvesFolds(HalfSplit.LeftRight, settings.BufferBins),
            FoldKind.Quadrants => new QuadrantFolds(settings.BufferBins),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Folds, "Unknown fold scheme."),
        };
    }

    internal static int BlockBins(RunSettings settings) =>
        Math.Max(1, (int)Math.Round(settings.BlockSizeCm / settings.BinSizeCm, MidpointRounding.AwayFromZero));

    /// <summary>The regression method of the settings, for <paramref name="featureCount"/> features.</summary>
    /// <remarks>Limitation: PLS cannot extract more components than there are features, so the count is
    /// capped at d with a warning (the Brain-Score preset asks for 25, more than small baselines have);
    /// the count used is written per fold in <c>neurons.csv</c>.</remarks>
    internal static IRegressionMethod Method(RunSettings settings, int featureCount, ILogger logger)
    {
        switch (settings.Regression)
        {
            case RegressionMethod.Ridge:
                return new RidgeCv(new RidgeCvOptions
                {
                    Alphas = settings.Alphas,
                    StandardiseFeatures = settings.StandardizeFeatures,
                    InnerFolds = new RandomKFold(5, settings.SeedFor(SeedPurpose.Folds)),
                });
            case RegressionMethod.RidgeFixed:
                return new RidgeCv(RidgeCvOptions.FixedAlpha(settings.Alpha) with
                {
                    StandardiseFeatures = settings.StandardizeFeatures,
                });
            default:
                var components = Math.Min(settings.PlsComponents, featureCount);
                if (components < settings.PlsComponents)
                {
                    Log.PlsComponentsCapped(logger, settings.PlsComponents, featureCount);
                }

                return new PlsRegression(
                    new PlsOptions { ComponentCount = components, Scale = settings.StandardizeFeatures });
        }
    }

    /// <summary>What the regression's warnings call the neurons (the recording's unit ids, as in
    /// <c>neurons.csv</c>) and the option that widens the ridge penalty grid.</summary>
    internal static CrossValidationLabels Labels(DatasetInputs data) => new()
    {
        NeuronIds = data.RateMaps.ColumnIds,
        GridAdvice = "widen it with --alphas (comma-separated penalties); neurons.csv flags each such fold in "
            + "alpha_at_grid_edge",
    };

    /// <summary>Per-neuron, per-fold scores from a cross-validation result.</summary>
    internal static List<NeuronScore> Scores(CrossValidationResult cv, DatasetInputs data)
    {
        var neurons = new List<NeuronScore>(cv.NeuronCount);
        for (var j = 0; j < cv.NeuronCount; j++)
        {
            var folds = cv.Folds.Select(f => FoldScoreOf(f, j)).ToList();
            var r = cv.MeanPearson[j];
            var ceiling = data.Ceilings[j];
            var exclusion = !NormalisedPredictivity.HasCeiling(ceiling)
                ? "no ceiling: split-half reliability undefined (split-half r ≤ 0 or a constant half map)"
                : double.IsNaN(r) ? "score undefined: constant rate map or prediction in every fold" : null;
            neurons.Add(new NeuronScore(
                data.RateMaps.ColumnIds[j], data.MeanRatesHz[j], ceiling, folds, r, cv.MeanRSquared[j],
                NormalisedPredictivity.Correlation(r, ceiling), NormalisedPredictivity.ExplainedVariance(r, ceiling),
                exclusion));
        }

        return neurons;
    }

    /// <summary>Held-out predictions on the full grid (bins × neurons), NaN outside the regression bins.</summary>
    /// <remarks>A bin held out by several folds (repeated random splits) gets the mean of its predictions.</remarks>
    internal static double[,] Predictions(CrossValidationResult cv, int[] regressionBins, int gridBinCount)
    {
        var sum = new double[gridBinCount, cv.NeuronCount];
        var count = new int[gridBinCount];
        foreach (var fold in cv.Folds)
        {
            for (var i = 0; i < fold.Test.Count; i++)
            {
                var bin = regressionBins[fold.Test[i]];
                count[bin]++;
                for (var j = 0; j < cv.NeuronCount; j++)
                {
                    sum[bin, j] += fold.Predictions[i, j];
                }
            }
        }

        for (var bin = 0; bin < gridBinCount; bin++)
        {
            for (var j = 0; j < cv.NeuronCount; j++)
            {
                sum[bin, j] = count[bin] == 0 ? double.NaN : sum[bin, j] / count[bin];
            }
        }

        return sum;
    }

    private static FoldScore FoldScoreOf(FoldResult fold, int neuron)
    {
        var choice = fold.Hyperparameters;
        var value = choice.Values[neuron];
        var position = choice.Positions[neuron];
        bool? atEdge = position switch
        {
            GridPosition.LowerEdge or GridPosition.UpperEdge => true,
            GridPosition.Interior => false,
            _ => null,
        };
        var isAlpha = choice.Kind == HyperparameterKind.Alpha;
        return new FoldScore(
            fold.Index, fold.Pearson[neuron], fold.RSquared[neuron],
            isAlpha && !double.IsNaN(value) ? value : null,
            isAlpha ? atEdge : null,
            !isAlpha && !double.IsNaN(value) ? (int)value : null,
            fold.Train.Count, fold.Test.Count);
    }
}
