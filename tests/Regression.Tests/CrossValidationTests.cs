using Microsoft.Extensions.Logging.Abstractions;
using static TorchSharp.torch;

namespace NeuralPredictivity.Regression.Tests;

public sealed class CrossValidationTests
{
    [Fact]
    public void NoiseFreeLinearResponsesArePredictedInTestRowOrder()
    {
        var (x, y) = LinearProblem(binsSide: 8, features: 5, neurons: 3, noise: 0, seed: 1);

        var result = CrossValidation.Evaluate(
            x, y, BinLayout.FullGrid(8, 8), new BlockedKFold(2, 4, seed: 0),
            new RidgeCv(RidgeCvOptions.FixedAlpha(1e-9)));

        // Exact linear model, α = 1e-9 on O(1)-scaled columns: bias ≈ α/λ_min ≈ 1e-10.
        TestData.AssertClose(y, TestData.Assemble(result), 1e-7, 1e-7);
        Assert.All(result.MeanPearson, r => Assert.True(r > 1 - 1e-9));
        Assert.Equal(4, result.Folds.Count);
    }

    [Fact]
    public void SameSettingsGiveTheSameBytes()
    {
        var (x, y) = LinearProblem(binsSide: 10, features: 30, neurons: 4, noise: 1, seed: 2);
        CrossValidationResult Run() => CrossValidation.Evaluate(
            x, y, BinLayout.FullGrid(10, 10), new RandomSplits(0.8, 3, seed: 4), new RidgeCv());

        var (first, second) = (Run(), Run());

        for (var f = 0; f < first.Folds.Count; f++)
        {
            Assert.Equal(Bytes(first.Folds[f].Predictions), Bytes(second.Folds[f].Predictions));
            Assert.Equal(first.Folds[f].Hyperparameters.Values, second.Folds[f].Hyperparameters.Values);
        }
    }

    [Fact]
    public void ConstantFeatureAndSilentNeuronCarryNoWeightInRidge()
    {
        var (x, y) = LinearProblem(binsSide: 6, features: 5, neurons: 3, noise: 0.5, seed: 3);
        for (var i = 0; i < 36; i++)
        {
            x[i, 2] = 0.7;
            y[i, 1] = 0;
        }

        var logger = new ListLogger();
        var method = new RidgeCv(new RidgeCvOptions { InnerFolds = new ContiguousKFold(4) });
        var full = CrossValidation.Evaluate(
            x, y, BinLayout.FullGrid(6, 6), new ContiguousKFold(3), method, logger: logger);
        var reduced = CrossValidation.Evaluate(
            TestData.Columns(x, 0, 1, 3, 4), TestData.Columns(y, 0, 2), BinLayout.FullGrid(6, 6),
            new ContiguousKFold(3), method);

        var all = TestData.Assemble(full);
        TestData.AssertClose(TestData.Assemble(reduced), TestData.Columns(all, 0, 2), 1e-10, 1e-12);
        Assert.All(Enumerable.Range(0, 36), i => Assert.Equal(0.0, all[i, 1]));
        Assert.All(full.Folds, f => Assert.Equal(GridPosition.Undetermined, f.Hyperparameters.Positions[1]));
        Assert.All(full.Folds, f => Assert.Equal(ScoreStatus.ConstantResponse, f.Status[1]));
        Assert.True(double.IsNaN(full.MeanPearson[1]));
        Assert.Contains(
            logger.Warnings, w => w.Contains("3 fold × neuron scores are undefined", StringComparison.Ordinal));
    }

    [Fact]
    public void BlockDeletionMatchesExplicitRefitsForBufferedInnerFolds()
    {
        // Inner blocked folds with a buffer delete more bins than they test: the exact block
        // deletion must still equal refitting on the remaining bins.
        var (x, y) = LinearProblem(binsSide: 8, features: 12, neurons: 2, noise: 1, seed: 5);
        var layout = BinLayout.FullGrid(8, 8);
        var inner = new BlockedKFold(2, 3, seed: 1, bufferBins: 1);
        double[] alphas = [0.1, 3, 100];
        var choice = InnerChoice(x, y, layout, inner, alphas, standardise: false);

        var folds = inner.Split(layout);
        for (var a = 0; a < alphas.Length; a++)
        {
            var expected = new double[2];
            foreach (var fold in folds)
            {
                var refit = CrossValidation.Evaluate(
                    x, y, layout, new ExplicitFolds([fold]), new RidgeCv(RidgeCvOptions.FixedAlpha(alphas[a])));
                var actual = CrossValidation.Rows(y, fold.TestArray);
                for (var j = 0; j < 2; j++)
                {
                    var mse = Enumerable.Range(0, fold.Test.Count)
                        .Average(i => Math.Pow(refit.Folds[0].Predictions[i, j] - actual[i, j], 2));
                    expected[j] += mse / folds.Count;
                }
            }

            // Both are exact solves of κ ≲ 1e4 systems: agreement ~1e-12 relative.
            TestData.AssertClose(expected, [choice.ValidationError![a, 0], choice.ValidationError[a, 1]], 1e-9, 0);
        }
    }

    [Fact]
    public void InnerFoldsReuseTheOuterFoldFeatureScale()
    {
        // Limitation (README): inner fits use the outer training fold's feature scale. Standardised
        // inner CV equals unstandardised inner CV on features pre-scaled with all training bins.
        var (x, y) = LinearProblem(binsSide: 6, features: 8, neurons: 2, noise: 1, seed: 6);
        var scaled = Standardise(x);
        var layout = BinLayout.FullGrid(6, 6);
        double[] alphas = [0.01, 1, 100];

        var standardised = InnerChoice(x, y, layout, new ContiguousKFold(4), alphas, standardise: true);
        var prescaled = InnerChoice(scaled, y, layout, new ContiguousKFold(4), alphas, standardise: false);

        TestData.AssertClose(prescaled.ValidationError!, standardised.ValidationError!, 1e-10, 1e-14);
    }

    [Fact]
    public void ProgressIsReportedAfterEveryFold()
    {
        var (x, y) = LinearProblem(binsSide: 6, features: 4, neurons: 2, noise: 1, seed: 7);
        var reports = new List<CrossValidationProgress>();

        CrossValidation.Evaluate(
            x, y, BinLayout.FullGrid(6, 6), new QuadrantFolds(),
            new PlsRegression(new PlsOptions { ComponentCount = 2 }),
            new SynchronousProgress(reports.Add));

        Assert.Equal([1, 2, 3, 4], reports.Select(r => r.CompletedFolds));
        Assert.All(reports, r => Assert.Equal(4, r.FoldCount));
    }

    [Fact]
    public void MismatchedRowsAndNonFiniteValuesAreRejectedWithTheirLocation()
    {
        var (x, y) = LinearProblem(binsSide: 4, features: 3, neurons: 2, noise: 1, seed: 8);
        var layout = BinLayout.FullGrid(4, 4);
        var method = new RidgeCv();

        var rows = Assert.Throws<ArgumentException>(
            () => CrossValidation.Evaluate(x, y, BinLayout.FullGrid(4, 3), new RandomKFold(2, 0), method));
        y[5, 1] = double.NaN;
        var nan = Assert.Throws<ArgumentException>(
            () => CrossValidation.Evaluate(x, y, layout, new RandomKFold(2, 0), method));

        Assert.Equal("features", rows.ParamName);
        Assert.Contains("16 rows but the layout has 12 bins", rows.Message, StringComparison.Ordinal);
        Assert.Equal("responses", nan.ParamName);
        Assert.Contains("responses[5, 1] is NaN", nan.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PlsComponentBoundIsCheckedForEveryFoldBeforeFitting()
    {
        var (x, y) = LinearProblem(binsSide: 5, features: 30, neurons: 2, noise: 1, seed: 9);
        var method = new PlsRegression(new PlsOptions { ComponentCount = 20 });

        var error = Assert.Throws<ArgumentException>(
            () => CrossValidation.Evaluate(x, y, BinLayout.FullGrid(5, 5), new RandomSplits(0.6, 2, seed: 0), method));

        Assert.Contains("PlsOptions.ComponentCount: 20 components exceed min(training bins = 15", error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void FeasibilityIsCheckedWithoutDataAndNamesInnerFoldsThatCannotBeMade()
    {
        // 3 × 3 bins in 3 random folds: 6 training bins per fold, too few for 7 inner folds, enough for 5.
        var layout = BinLayout.FullGrid(3, 3);
        var outer = new RandomKFold(3, seed: 0);
        var tooMany = new RidgeCv(new RidgeCvOptions { InnerFolds = new RandomKFold(7, seed: 0) });
        var enough = new RidgeCv(new RidgeCvOptions { InnerFolds = new RandomKFold(5, seed: 0) });

        var error = Assert.Throws<ArgumentException>(
            () => CrossValidation.EnsureFeasible(layout, outer, tooMany, featureCount: 1, neuronCount: 1));
        CrossValidation.EnsureFeasible(layout, outer, enough, featureCount: 1, neuronCount: 1);
        var blocks = Assert.Throws<ArgumentException>(() => CrossValidation.EnsureFeasible(
            layout, new BlockedKFold(2, 5, seed: 0), enough, featureCount: 1, neuronCount: 1));

        Assert.StartsWith("choosing alpha needs inner folds within the 6 training bins of fold 0: random 7-fold " +
            "(seed 0) needs at least 7 bins (one per fold), but the layout has 6.", error.Message,
            StringComparison.Ordinal);
        Assert.DoesNotContain("'layout'", error.Message, StringComparison.Ordinal);
        Assert.Contains("the layout's bins fall in only 4 blocks, fewer than 5 folds", blocks.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void OptionsReportEveryProblemAtOnce()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new RidgeCv(new RidgeCvOptions { Alphas = [0, -1, double.NaN] }));

        Assert.Contains("got 0 (alpha 0 is unpenalised least squares)", error.Message, StringComparison.Ordinal);
        Assert.Contains("got -1", error.Message, StringComparison.Ordinal);
        Assert.Contains("got NaN", error.Message, StringComparison.Ordinal);
    }

    private static HyperparameterChoice InnerChoice(
        double[,] x, double[,] y, BinLayout layout, IFoldScheme inner, double[] alphas, bool standardise)
    {
        var method = new RidgeCv(
            new RidgeCvOptions { Alphas = alphas, InnerFolds = inner, StandardiseFeatures = standardise });
        using var scope = NewDisposeScope();
        var xt = tensor(x);
        return method.Fit(xt, tensor(y), xt, layout, NullLogger.Instance, 0, CancellationToken.None).Hyperparameters;
    }

    private static double[,] Standardise(double[,] x)
    {
        var (n, p) = (x.GetLength(0), x.GetLength(1));
        var result = new double[n, p];
        for (var j = 0; j < p; j++)
        {
            var mean = Enumerable.Range(0, n).Average(i => x[i, j]);
            var sd = Math.Sqrt(Enumerable.Range(0, n).Average(i => Math.Pow(x[i, j] - mean, 2)));
            for (var i = 0; i < n; i++)
            {
                result[i, j] = (x[i, j] - mean) / sd;
            }
        }

        return result;
    }

    /// <summary>Smooth features on a grid and responses linear in them plus Gaussian noise.</summary>
    private static (double[,] X, double[,] Y) LinearProblem(
        int binsSide, int features, int neurons, double noise, int seed)
    {
        var random = new Random(seed);
        var bins = binsSide * binsSide;
        var x = new double[bins, features];
        var y = new double[bins, neurons];
        var weights = new double[features, neurons];
        for (var f = 0; f < features; f++)
        {
            for (var j = 0; j < neurons; j++)
            {
                weights[f, j] = random.NextDouble() - 0.5;
            }
        }

        for (var f = 0; f < features; f++)
        {
            var (kx, ky, phase) = (random.NextDouble() * 3, random.NextDouble() * 3, random.NextDouble() * 6);
            for (var b = 0; b < bins; b++)
            {
                x[b, f] = Math.Cos(kx * (b % binsSide) / binsSide * 6 + ky * (b / binsSide) / binsSide * 6 + phase)
                    + 0.3 * (random.NextDouble() - 0.5);
            }
        }

        for (var b = 0; b < bins; b++)
        {
            for (var j = 0; j < neurons; j++)
            {
                var value = 0.0;
                for (var f = 0; f < features; f++)
                {
                    value += x[b, f] * weights[f, j];
                }

                y[b, j] = value + noise * (random.NextDouble() - 0.5);
            }
        }

        return (x, y);
    }

    private static byte[] Bytes(double[,] matrix)
    {
        var bytes = new byte[matrix.Length * sizeof(double)];
        Buffer.BlockCopy(matrix, 0, bytes, 0, bytes.Length);
        return bytes;
    }

    private sealed class SynchronousProgress(Action<CrossValidationProgress> report)
        : IProgress<CrossValidationProgress>
    {
        public void Report(CrossValidationProgress value) => report(value);
    }
}
